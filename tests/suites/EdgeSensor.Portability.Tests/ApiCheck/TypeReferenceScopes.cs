using System.Reflection.Metadata;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>Which assembly a type reference points into, and its name as the runtime spells it.</summary>
static class TypeReferenceScopes
{
    /// <summary>The referenced assembly's simple name, or null when the reference is not to another assembly.</summary>
    public static string? AssemblyNameOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        EntityHandle scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        return scope.Kind == HandleKind.AssemblyReference
            ? reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
            : null;
    }

    /// <summary>"Ns.Outer+Inner, Assembly" for Type.GetType, or null when not a reference to another assembly.</summary>
    public static string? AssemblyQualifiedNameOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        string? assembly = AssemblyNameOf(reader, handle);
        return assembly == null ? null : RuntimeTypeName(reader, handle) + ", " + assembly;
    }

    static string RuntimeTypeName(MetadataReader reader, TypeReferenceHandle handle)
    {
        TypeReference reference = reader.GetTypeReference(handle);
        string name = reader.GetString(reference.Name);
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return RuntimeTypeName(reader, (TypeReferenceHandle)reference.ResolutionScope) + "+" + name;
        }

        string ns = reader.GetString(reference.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
