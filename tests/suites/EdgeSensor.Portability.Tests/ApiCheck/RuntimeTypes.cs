using System;
using System.Collections.Generic;
using System.Reflection.Metadata;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>
/// What metadata alone does not say about a referenced framework type, read from the net10 runtime type of
/// the same name: its base types (nanoframework-api-v1.txt lists a member only on its declaring type and has no base type
/// information) and, for enums, the underlying type.
/// </summary>
static class RuntimeTypes
{
    /// <param name="assemblyQualifiedName">"Ns.Outer+Inner, AssemblyName" as referenced by the checked code.</param>
    public static IEnumerable<string> BaseTypeDocNames(string assemblyQualifiedName)
    {
        Type? type = Type.GetType(assemblyQualifiedName, throwOnError: false);
        for (Type? baseType = type?.BaseType; baseType != null; baseType = baseType.BaseType)
        {
            yield return DocIds.TypeName(baseType);
        }
    }

    /// <summary>Public types of the same runtime assembly that derive from the type (where .NET keeps such families).</summary>
    public static IEnumerable<string> DerivedTypeDocNames(string assemblyQualifiedName)
    {
        Type? type = Type.GetType(assemblyQualifiedName, throwOnError: false);
        if (type == null)
        {
            yield break;
        }

        foreach (Type candidate in type.Assembly.GetExportedTypes())
        {
            if (candidate.IsSubclassOf(type))
            {
                yield return DocIds.TypeName(candidate);
            }
        }
    }

    /// <summary>Needed to decode enum values in attribute blobs, which do not record the enum's size.</summary>
    public static PrimitiveTypeCode? EnumUnderlyingType(string assemblyQualifiedName)
    {
        Type? type = Type.GetType(assemblyQualifiedName, throwOnError: false);
        return type is { IsEnum: true } ? DocIds.PrimitiveCodeOf(DocIds.TypeName(Enum.GetUnderlyingType(type))) : null;
    }
}
