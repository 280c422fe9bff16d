using System.Linq;
using System.Reflection.Metadata;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>Doc IDs of the things an assembly defines itself: its types and their members.</summary>
static class DefinitionDocIds
{
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        return DocIds.Type(DocIds.TypeName(reader, handle));
    }

    public static string Of(MetadataReader reader, MethodDefinitionHandle handle)
    {
        MethodDefinition method = reader.GetMethodDefinition(handle);
        MethodSignature<SignatureType> signature = method.DecodeSignature(DocIdSignatureProvider.Instance, null);
        return DocIds.Method(DocIds.TypeName(reader, method.GetDeclaringType()), reader.GetString(method.Name), signature);
    }

    public static string Of(MetadataReader reader, FieldDefinitionHandle handle)
    {
        FieldDefinition field = reader.GetFieldDefinition(handle);
        return DocIds.Field(DocIds.TypeName(reader, field.GetDeclaringType()), reader.GetString(field.Name));
    }

    public static string Of(MetadataReader reader, TypeDefinitionHandle declaringType, PropertyDefinitionHandle handle)
    {
        PropertyDefinition property = reader.GetPropertyDefinition(handle);
        MethodSignature<SignatureType> signature = property.DecodeSignature(DocIdSignatureProvider.Instance, null);
        return DocIds.Property(DocIds.TypeName(reader, declaringType), reader.GetString(property.Name), signature.ParameterTypes);
    }

    public static string Of(MetadataReader reader, TypeDefinitionHandle declaringType, EventDefinitionHandle handle)
    {
        EventDefinition definition = reader.GetEventDefinition(handle);
        return DocIds.Event(DocIds.TypeName(reader, declaringType), reader.GetString(definition.Name));
    }

    public static string OfParameter(MetadataReader reader, MethodDefinitionHandle method, ParameterHandle handle)
    {
        Parameter parameter = reader.GetParameter(handle);
        string name = parameter.SequenceNumber == 0 ? "return value" : "parameter " + reader.GetString(parameter.Name);
        return Of(reader, method) + " " + name;
    }

    public static string AssemblyTarget(MetadataReader reader)
    {
        return "assembly " + reader.GetString(reader.GetAssemblyDefinition().Name);
    }

    public static string ModuleTarget(MetadataReader reader)
    {
        return "module " + reader.GetString(reader.GetModuleDefinition().Name);
    }

    /// <summary>Every doc ID the type defines: itself and all its members.</summary>
    public static string[] AllOf(MetadataReader reader, TypeDefinitionHandle handle)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        return new[] { Of(reader, handle) }
            .Concat(type.GetMethods().Select(method => Of(reader, method)))
            .Concat(type.GetFields().Select(field => Of(reader, field)))
            .Concat(type.GetProperties().Select(property => Of(reader, handle, property)))
            .Concat(type.GetEvents().Select(definition => Of(reader, handle, definition)))
            .ToArray();
    }
}
