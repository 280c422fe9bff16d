using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>
/// A referenced field or method spelled the ways nanoframework-api-v1.txt could list it. The listing names properties and
/// events (P:/E:), not their get_/set_/add_/remove_ accessors, so an accessor is looked up under both names.
/// </summary>
sealed class MemberReferenceDescription
{
    readonly string _name;
    readonly MethodSignature<SignatureType>? _method;

    MemberReferenceDescription(
        string name,
        MethodSignature<SignatureType>? method,
        string declaringType,
        string? assemblyQualifiedDeclaringType,
        ImmutableArray<SignatureType> signatureTypes)
    {
        _name = name;
        _method = method;
        DeclaringType = declaringType;
        AssemblyQualifiedDeclaringType = assemblyQualifiedDeclaringType;
        SignatureTypes = signatureTypes;
    }

    /// <summary>The declaring type's doc-ID spelling (the generic definition for members of instantiations).</summary>
    public string DeclaringType { get; }

    /// <summary>The declaring type as the runtime names it, for walking its base types; null if unknown.</summary>
    public string? AssemblyQualifiedDeclaringType { get; }

    /// <summary>The types the member's signature mentions: they must exist on the device as well.</summary>
    public ImmutableArray<SignatureType> SignatureTypes { get; }

    /// <summary>Constructors are not inherited, so a base type's constructor never stands in for them.</summary>
    public bool IsInheritable => _name != ".ctor" && _name != ".cctor";

    /// <summary>The member's own doc ID (M:/F:) on its declaring type.</summary>
    public string DocId => IdsOn(DeclaringType).First();

    /// <summary>How a failure names the member: as its property or event when it is an accessor.</summary>
    public string ReportedDocId => IdsOn(DeclaringType).Last();

    public static MemberReferenceDescription Create(
        MetadataReader reader, MemberReference reference, string declaringType, string? assemblyQualifiedDeclaringType)
    {
        string name = reader.GetString(reference.Name);
        if (reference.GetKind() == MemberReferenceKind.Field)
        {
            SignatureType fieldType = reference.DecodeFieldSignature(DocIdSignatureProvider.Instance, null);
            return new MemberReferenceDescription(
                name, null, declaringType, assemblyQualifiedDeclaringType, ImmutableArray.Create(fieldType));
        }

        MethodSignature<SignatureType> method = reference.DecodeMethodSignature(DocIdSignatureProvider.Instance, null);
        return new MemberReferenceDescription(
            name, method, declaringType, assemblyQualifiedDeclaringType, method.ParameterTypes.Insert(0, method.ReturnType));
    }

    /// <summary>The doc IDs under which the listing would hold this member if <paramref name="type"/> declared it.</summary>
    public IEnumerable<string> IdsOn(string type)
    {
        if (_method is not MethodSignature<SignatureType> method)
        {
            yield return DocIds.Field(type, _name);
            yield break;
        }

        yield return DocIds.Method(type, _name, method);
        ImmutableArray<SignatureType> parameters = method.ParameterTypes;
        if (_name.StartsWith("get_", StringComparison.Ordinal))
        {
            yield return DocIds.Property(type, _name.Substring(4), parameters);
        }
        else if (_name.StartsWith("set_", StringComparison.Ordinal) && parameters.Length > 0)
        {
            // The setter's last parameter is the value; any before it are indexer parameters.
            yield return DocIds.Property(type, _name.Substring(4), parameters.RemoveAt(parameters.Length - 1));
        }
        else if (_name.StartsWith("add_", StringComparison.Ordinal))
        {
            yield return DocIds.Event(type, _name.Substring(4));
        }
        else if (_name.StartsWith("remove_", StringComparison.Ordinal))
        {
            yield return DocIds.Event(type, _name.Substring(7));
        }
    }
}
