using System;
using System.Collections.Generic;
using System.Reflection.Metadata;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>
/// Lets System.Reflection.Metadata decode custom attribute blobs, whose named arguments and typeof()
/// values are references too. Types are spelled as doc-ID names; enum sizes, which blobs do not record,
/// come from the checked assemblies' own enums or from the net10 runtime type.
/// </summary>
sealed class AttributeValueTypeProvider : ICustomAttributeTypeProvider<string>
{
    const string SystemType = "System.Type";

    readonly OwnDefinitions _own;
    readonly Dictionary<string, string> _assemblyQualifiedNames = new(StringComparer.Ordinal);

    public AttributeValueTypeProvider(OwnDefinitions own)
    {
        _own = own;
    }

    public string GetPrimitiveType(PrimitiveTypeCode typeCode)
    {
        return DocIds.PrimitiveName(typeCode);
    }

    public string GetSystemType()
    {
        return SystemType;
    }

    public bool IsSystemType(string type)
    {
        return type == SystemType;
    }

    public string GetSZArrayType(string elementType)
    {
        return elementType + "[]";
    }

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        return DocIds.TypeName(reader, handle);
    }

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        string name = DocIds.TypeName(reader, handle);
        string? assemblyQualified = TypeReferenceScopes.AssemblyQualifiedNameOf(reader, handle);
        if (assemblyQualified != null)
        {
            _assemblyQualifiedNames[name] = assemblyQualified;
        }

        return name;
    }

    public string GetTypeFromSerializedName(string name)
    {
        string docName = DocIds.TypeNameFromSerialized(name);
        _assemblyQualifiedNames[docName] = name;
        return docName;
    }

    public PrimitiveTypeCode GetUnderlyingEnumType(string type)
    {
        PrimitiveTypeCode? code = _own.EnumUnderlyingTypeOf(type)
            ?? (_assemblyQualifiedNames.TryGetValue(type, out string? name) ? RuntimeTypes.EnumUnderlyingType(name) : null);
        return code ?? throw new InvalidOperationException($"Cannot tell the size of enum '{type}' used in an attribute.");
    }
}
