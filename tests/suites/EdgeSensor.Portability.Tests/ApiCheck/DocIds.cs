using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection.Metadata;
using System.Text.RegularExpressions;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>
/// Spells types and members as documentation-comment IDs (ECMA-334 annex D), the form nanoframework-api-v1.txt uses:
/// nested types joined with '.', generic arity as `N, instantiations as {A,B}, byref as @, arrays as [].
/// </summary>
static class DocIds
{
    static readonly Regex GenericArity = new(@"`\d+", RegexOptions.CultureInvariant);

    public static string TypeName(MetadataReader reader, TypeReferenceHandle handle)
    {
        TypeReference reference = reader.GetTypeReference(handle);
        string name = reader.GetString(reference.Name);
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeName(reader, (TypeReferenceHandle)reference.ResolutionScope) + "." + name;
        }

        return Qualify(reader.GetString(reference.Namespace), name);
    }

    public static string TypeName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        TypeDefinition definition = reader.GetTypeDefinition(handle);
        string name = reader.GetString(definition.Name);
        TypeDefinitionHandle declaringType = definition.GetDeclaringType();
        if (!declaringType.IsNil)
        {
            return TypeName(reader, declaringType) + "." + name;
        }

        return Qualify(reader.GetString(definition.Namespace), name);
    }

    /// <summary>The doc-ID spelling of a runtime type (used for base types found by reflection).</summary>
    public static string TypeName(Type type)
    {
        if (type.DeclaringType != null)
        {
            return TypeName(type.DeclaringType) + "." + type.Name;
        }

        return Qualify(type.Namespace ?? string.Empty, type.Name);
    }

    /// <summary>The doc-ID spelling of a type named in a custom attribute blob ("Ns.Outer+Inner, Assembly, ...").</summary>
    public static string TypeNameFromSerialized(string serializedName)
    {
        int assemblySeparator = serializedName.IndexOf(',');
        string typeName = assemblySeparator < 0 ? serializedName : serializedName.Substring(0, assemblySeparator);
        return typeName.Trim().Replace('+', '.');
    }

    public static string WithoutGenericArity(string typeDocName)
    {
        return GenericArity.Replace(typeDocName, string.Empty);
    }

    public static string Type(string typeDocName)
    {
        return "T:" + typeDocName;
    }

    public static string Field(string declaringType, string name)
    {
        return "F:" + declaringType + "." + name;
    }

    public static string Method(string declaringType, string name, MethodSignature<SignatureType> signature)
    {
        string id = "M:" + declaringType + "." + MemberName(name);
        if (signature.GenericParameterCount > 0)
        {
            id += "``" + signature.GenericParameterCount;
        }

        id += ParameterList(signature.ParameterTypes);
        if (name == "op_Implicit" || name == "op_Explicit")
        {
            id += "~" + signature.ReturnType.DocId;
        }

        return id;
    }

    public static string Property(string declaringType, string name, IEnumerable<SignatureType> indexerParameters)
    {
        return "P:" + declaringType + "." + MemberName(name) + ParameterList(indexerParameters);
    }

    public static string Event(string declaringType, string name)
    {
        return "E:" + declaringType + "." + MemberName(name);
    }

    public static string ParameterList(IEnumerable<SignatureType> parameters)
    {
        string[] spelled = parameters.Select(parameter => parameter.DocId).ToArray();
        return spelled.Length == 0 ? string.Empty : "(" + string.Join(",", spelled) + ")";
    }

    public static string PrimitiveName(PrimitiveTypeCode code)
    {
        return code switch
        {
            PrimitiveTypeCode.Boolean => "System.Boolean",
            PrimitiveTypeCode.Byte => "System.Byte",
            PrimitiveTypeCode.SByte => "System.SByte",
            PrimitiveTypeCode.Char => "System.Char",
            PrimitiveTypeCode.Int16 => "System.Int16",
            PrimitiveTypeCode.UInt16 => "System.UInt16",
            PrimitiveTypeCode.Int32 => "System.Int32",
            PrimitiveTypeCode.UInt32 => "System.UInt32",
            PrimitiveTypeCode.Int64 => "System.Int64",
            PrimitiveTypeCode.UInt64 => "System.UInt64",
            PrimitiveTypeCode.Single => "System.Single",
            PrimitiveTypeCode.Double => "System.Double",
            PrimitiveTypeCode.IntPtr => "System.IntPtr",
            PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
            PrimitiveTypeCode.Object => "System.Object",
            PrimitiveTypeCode.String => "System.String",
            PrimitiveTypeCode.TypedReference => "System.TypedReference",
            PrimitiveTypeCode.Void => "System.Void",
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown primitive type code."),
        };
    }

    public static PrimitiveTypeCode? PrimitiveCodeOf(string typeDocName)
    {
        foreach (PrimitiveTypeCode code in Enum.GetValues<PrimitiveTypeCode>())
        {
            if (PrimitiveName(code) == typeDocName)
            {
                return code;
            }
        }

        return null;
    }

    static string Qualify(string ns, string name)
    {
        return ns.Length == 0 ? name : ns + "." + name;
    }

    // Constructors are spelled #ctor; explicit interface implementations keep their
    // interface name with '#' in place of '.', as the doc-comment rules require.
    static string MemberName(string name)
    {
        return name switch
        {
            ".ctor" => "#ctor",
            ".cctor" => "#cctor",
            _ => name.Replace('.', '#'),
        };
    }
}
