using System;
using System.Collections.Generic;
using System.Reflection.Metadata;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>
/// What the checked assemblies define themselves. References to these need no listing entry, except
/// types the compiler embedded on its own ([Microsoft.CodeAnalysis.Embedded]), which only appear for
/// language features outside the portable subset (nullable annotations, C# 11+ ref safety rules, ...).
/// </summary>
sealed class OwnDefinitions
{
    const string EmbeddedAttribute = "Microsoft.CodeAnalysis.EmbeddedAttribute";

    readonly HashSet<string> _assemblyNames = new(StringComparer.Ordinal);
    readonly HashSet<string> _docIds = new(StringComparer.Ordinal);
    readonly HashSet<string> _embeddedTypes = new(StringComparer.Ordinal);
    readonly Dictionary<string, PrimitiveTypeCode> _enumUnderlyingTypes = new(StringComparer.Ordinal);

    public OwnDefinitions(IEnumerable<MetadataReader> readers)
    {
        foreach (MetadataReader reader in readers)
        {
            _assemblyNames.Add(reader.GetString(reader.GetAssemblyDefinition().Name));
            foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
            {
                _docIds.UnionWith(DefinitionDocIds.AllOf(reader, handle));
                string typeName = DocIds.TypeName(reader, handle);
                if (IsEmbedded(reader, reader.GetTypeDefinition(handle)))
                {
                    _embeddedTypes.Add(typeName);
                }

                PrimitiveTypeCode? underlying = EnumUnderlyingType(reader, reader.GetTypeDefinition(handle));
                if (underlying.HasValue)
                {
                    _enumUnderlyingTypes.Add(typeName, underlying.Value);
                }
            }
        }
    }

    public bool IsOwnAssembly(string assemblyName)
    {
        return _assemblyNames.Contains(assemblyName);
    }

    public bool Defines(string docId)
    {
        return _docIds.Contains(docId);
    }

    public bool IsEmbeddedType(string typeDocName)
    {
        return _embeddedTypes.Contains(typeDocName);
    }

    public PrimitiveTypeCode? EnumUnderlyingTypeOf(string typeDocName)
    {
        return _enumUnderlyingTypes.TryGetValue(typeDocName, out PrimitiveTypeCode code) ? code : null;
    }

    static bool IsEmbedded(MetadataReader reader, TypeDefinition type)
    {
        foreach (CustomAttributeHandle handle in type.GetCustomAttributes())
        {
            if (AttributeTypeName(reader, reader.GetCustomAttribute(handle).Constructor) == EmbeddedAttribute)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The doc-ID spelling of the attribute type whose constructor this is.</summary>
    public static string AttributeTypeName(MetadataReader reader, EntityHandle constructor)
    {
        if (constructor.Kind == HandleKind.MethodDefinition)
        {
            return DocIds.TypeName(reader, reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType());
        }

        EntityHandle parent = reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
        return parent.Kind switch
        {
            HandleKind.TypeReference => DocIds.TypeName(reader, (TypeReferenceHandle)parent),
            HandleKind.TypeDefinition => DocIds.TypeName(reader, (TypeDefinitionHandle)parent),
            _ => reader.GetTypeSpecification((TypeSpecificationHandle)parent)
                .DecodeSignature(DocIdSignatureProvider.Instance, null).DeclaringTypeDocName,
        };
    }

    // An enum's underlying type is the type of its one instance field, value__.
    static PrimitiveTypeCode? EnumUnderlyingType(MetadataReader reader, TypeDefinition type)
    {
        foreach (FieldDefinitionHandle handle in type.GetFields())
        {
            FieldDefinition field = reader.GetFieldDefinition(handle);
            if ((field.Attributes & System.Reflection.FieldAttributes.Static) == 0 && reader.GetString(field.Name) == "value__")
            {
                return DocIds.PrimitiveCodeOf(field.DecodeSignature(DocIdSignatureProvider.Instance, null).DocId);
            }
        }

        return null;
    }
}
