using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>Decodes signature blobs into <see cref="SignatureType"/>s: doc-ID spelling plus what they reference.</summary>
sealed class DocIdSignatureProvider : ISignatureTypeProvider<SignatureType, object?>
{
    public static readonly DocIdSignatureProvider Instance = new();

    DocIdSignatureProvider()
    {
    }

    public SignatureType GetPrimitiveType(PrimitiveTypeCode typeCode)
    {
        return SignatureType.Plain(DocIds.PrimitiveName(typeCode));
    }

    public SignatureType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        return SignatureType.Plain(DocIds.TypeName(reader, handle));
    }

    public SignatureType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        return new SignatureType(DocIds.TypeName(reader, handle), ImmutableArray.Create(handle), false);
    }

    public SignatureType GetTypeFromSpecification(
        MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
    {
        return reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }

    public SignatureType GetSZArrayType(SignatureType elementType)
    {
        return elementType with { DocId = elementType.DocId + "[]", GenericDefinition = null };
    }

    public SignatureType GetArrayType(SignatureType elementType, ArrayShape shape)
    {
        string dimensions = string.Join(",", Enumerable.Repeat("0:", shape.Rank));
        return elementType with { DocId = elementType.DocId + "[" + dimensions + "]", GenericDefinition = null };
    }

    public SignatureType GetByReferenceType(SignatureType elementType)
    {
        return elementType with { DocId = elementType.DocId + "@", GenericDefinition = null };
    }

    public SignatureType GetPointerType(SignatureType elementType)
    {
        return elementType with { DocId = elementType.DocId + "*", GenericDefinition = null };
    }

    public SignatureType GetPinnedType(SignatureType elementType)
    {
        return elementType;
    }

    // Doc IDs leave modifiers out, but the modifier type is still referenced (e.g. modreq(IsExternalInit)
    // on init accessors), so it must exist on the device too.
    public SignatureType GetModifiedType(SignatureType modifier, SignatureType unmodifiedType, bool isRequired)
    {
        return unmodifiedType with
        {
            References = unmodifiedType.References.AddRange(modifier.References),
            HasGenericInstantiation = unmodifiedType.HasGenericInstantiation || modifier.HasGenericInstantiation,
        };
    }

    public SignatureType GetGenericInstantiation(SignatureType genericType, ImmutableArray<SignatureType> typeArguments)
    {
        string arguments = string.Join(",", typeArguments.Select(argument => argument.DocId));
        return new SignatureType(
            DocIds.WithoutGenericArity(genericType.DocId) + "{" + arguments + "}",
            genericType.References.AddRange(typeArguments.SelectMany(argument => argument.References)),
            HasGenericInstantiation: true,
            GenericDefinition: genericType.DocId);
    }

    // A type parameter only appears in the signatures of generic definitions, which are reported as such,
    // and in member references into generic types or methods, whose instantiation is reported instead.
    public SignatureType GetGenericTypeParameter(object? genericContext, int index)
    {
        return SignatureType.Plain("`" + index);
    }

    public SignatureType GetGenericMethodParameter(object? genericContext, int index)
    {
        return SignatureType.Plain("``" + index);
    }

    public SignatureType GetFunctionPointerType(MethodSignature<SignatureType> signature)
    {
        SignatureType[] parts = signature.ParameterTypes.Prepend(signature.ReturnType).ToArray();
        return new SignatureType(
            "=FUNC:" + signature.ReturnType.DocId + DocIds.ParameterList(signature.ParameterTypes),
            parts.SelectMany(part => part.References).ToImmutableArray(),
            parts.Any(part => part.HasGenericInstantiation));
    }
}
