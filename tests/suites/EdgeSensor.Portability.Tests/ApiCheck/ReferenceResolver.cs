using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>
/// Decides, for every type and member one checked assembly references, whether the device has it:
/// listed in nanoframework-api-v1.txt (on the type itself or on a listed base type), or defined by the portable
/// assemblies. Generics fail whatever the listing says. Records each failure with its user.
/// </summary>
sealed class ReferenceResolver
{
    const string NotListed = "not in nanoframework-api-v1.txt";
    const string NoGenerics = "generics: nanoFramework 1.x runs no generic types or methods";

    readonly MetadataReader _reader;
    readonly ApiListing _listing;
    readonly OwnDefinitions _own;
    readonly CheckOptions _options;
    readonly AttributeValueTypeProvider _attributeValueTypes;
    readonly HashSet<PortabilityViolation> _violations = new();
    readonly SortedSet<string> _nanoAssemblies = new(StringComparer.Ordinal);
    readonly HashSet<EntityHandle> _resolved = new();

    public ReferenceResolver(MetadataReader reader, ApiListing listing, OwnDefinitions own, CheckOptions options)
    {
        _reader = reader;
        _listing = listing;
        _own = own;
        _options = options;
        _attributeValueTypes = new AttributeValueTypeProvider(own);
    }

    public IReadOnlyCollection<PortabilityViolation> Violations => _violations;

    public IReadOnlyCollection<string> NanoAssemblies => _nanoAssemblies;

    public void Report(string member, string usedBy, string reason)
    {
        _violations.Add(new PortabilityViolation(member, usedBy, reason));
    }

    /// <summary>A metadata token found in code, a base type list, a catch clause, ...</summary>
    public void Use(EntityHandle handle, string usedBy)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                UseTypeReference((TypeReferenceHandle)handle, usedBy);
                break;
            case HandleKind.TypeDefinition:
                UseOwnType(DocIds.TypeName(_reader, (TypeDefinitionHandle)handle), usedBy);
                break;
            case HandleKind.TypeSpecification:
                _resolved.Add(handle);
                UseType(DecodeTypeSpecification((TypeSpecificationHandle)handle), usedBy);
                break;
            case HandleKind.MemberReference:
                UseMemberReference((MemberReferenceHandle)handle, usedBy, ReferenceSite.Code);
                break;
            case HandleKind.MethodDefinition:
                UseOwnType(DocIds.TypeName(_reader, _reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()), usedBy);
                break;
            case HandleKind.FieldDefinition:
                UseOwnType(DocIds.TypeName(_reader, _reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()), usedBy);
                break;
            case HandleKind.MethodSpecification:
                UseMethodSpecification((MethodSpecificationHandle)handle, usedBy);
                break;
            case HandleKind.StandaloneSignature:
                // calli: the call site's signature.
                UseSignature(_reader.GetStandaloneSignature((StandaloneSignatureHandle)handle)
                    .DecodeMethodSignature(DocIdSignatureProvider.Instance, null), usedBy);
                break;
        }
    }

    public void UseSignature(MethodSignature<SignatureType> signature, string usedBy)
    {
        UseType(signature.ReturnType, usedBy);
        foreach (SignatureType parameter in signature.ParameterTypes)
        {
            UseType(parameter, usedBy);
        }
    }

    public void UseType(SignatureType type, string usedBy)
    {
        if (type.HasGenericInstantiation)
        {
            Report(DocIds.Type(type.DocId), usedBy, NoGenerics);
        }

        foreach (TypeReferenceHandle reference in type.References)
        {
            UseTypeReference(reference, usedBy);
        }
    }

    public void UseAttribute(CustomAttribute attribute, string target, ReferenceSite site = ReferenceSite.Attribute)
    {
        if (attribute.Constructor.Kind == HandleKind.MemberReference)
        {
            UseMemberReference((MemberReferenceHandle)attribute.Constructor, target, site);
        }
        else
        {
            Use(attribute.Constructor, target);
        }

        CustomAttributeValue<string> value;
        try
        {
            value = attribute.DecodeValue(_attributeValueTypes);
        }
        catch (Exception exception) when (exception is InvalidOperationException or BadImageFormatException)
        {
            Report(DocIds.Type(OwnDefinitions.AttributeTypeName(_reader, attribute.Constructor)), target,
                "attribute arguments could not be decoded: " + exception.Message);
            return;
        }

        foreach (CustomAttributeTypedArgument<string> argument in value.FixedArguments)
        {
            UseTypeValues(argument, target);
        }

        foreach (CustomAttributeNamedArgument<string> argument in value.NamedArguments)
        {
            UseNamedArgument(attribute.Constructor, argument, target);
            UseTypeValues(new CustomAttributeTypedArgument<string>(argument.Type, argument.Value), target);
        }
    }

    /// <summary>References nothing else used: reported so no reference escapes the check unnamed.</summary>
    public void UseLeftOverReferences(string usedBy)
    {
        foreach (TypeReferenceHandle handle in _reader.TypeReferences)
        {
            if (!_resolved.Contains(handle))
            {
                UseTypeReference(handle, usedBy);
            }
        }

        foreach (MemberReferenceHandle handle in _reader.MemberReferences)
        {
            if (!_resolved.Contains(handle))
            {
                UseMemberReference(handle, usedBy, ReferenceSite.Code);
            }
        }

        for (int row = 1; row <= _reader.GetTableRowCount(TableIndex.TypeSpec); row++)
        {
            TypeSpecificationHandle handle = MetadataTokens.TypeSpecificationHandle(row);
            if (!_resolved.Contains(handle))
            {
                Use(handle, usedBy);
            }
        }

        for (int row = 1; row <= _reader.GetTableRowCount(TableIndex.MethodSpec); row++)
        {
            MethodSpecificationHandle handle = MetadataTokens.MethodSpecificationHandle(row);
            if (!_resolved.Contains(handle))
            {
                Use(handle, usedBy);
            }
        }
    }

    void UseTypeReference(TypeReferenceHandle handle, string usedBy)
    {
        MarkResolvedWithEnclosingTypes(handle);
        string docId = DocIds.Type(DocIds.TypeName(_reader, handle));
        if (IsOwn(handle))
        {
            if (!_own.Defines(docId))
            {
                Report(docId, usedBy, "not defined by the portable assemblies");
            }

            return;
        }

        RequireListed(docId, usedBy);
    }

    void UseOwnType(string typeDocName, string usedBy)
    {
        if (_own.IsEmbeddedType(typeDocName))
        {
            Report(DocIds.Type(typeDocName), usedBy,
                "type the compiler embeds for a language feature outside the portable subset (nullable annotations, C# 11+)");
        }
    }

    void UseMemberReference(MemberReferenceHandle handle, string usedBy, ReferenceSite site)
    {
        _resolved.Add(handle);
        MemberReferenceDescription? member = Describe(handle, usedBy);
        if (member == null)
        {
            return;
        }

        foreach (SignatureType type in member.SignatureTypes)
        {
            UseType(type, usedBy);
        }

        if (_own.Defines(DocIds.Type(member.DeclaringType)))
        {
            UseOwnType(member.DeclaringType, usedBy);
            if (!_own.Defines(member.DocId))
            {
                Report(member.DocId, usedBy, "not defined by the portable assemblies");
            }

            return;
        }

        if (CompilerLoweringAllowances.IsOptionalSynthesizedAttribute(member.DocId, site, _options))
        {
            return;
        }

        string? fallback = CompilerLoweringAllowances.LoweringFallbackFor(member.DocId);
        if (fallback != null && Listed(fallback))
        {
            return;
        }

        if (!ListedOnTypeOrBase(member.DeclaringType, member.AssemblyQualifiedDeclaringType, member.IdsOn, member.IsInheritable))
        {
            Report(member.ReportedDocId, usedBy, NotListed);
        }
    }

    void UseMethodSpecification(MethodSpecificationHandle handle, string usedBy)
    {
        _resolved.Add(handle);
        MethodSpecification specification = _reader.GetMethodSpecification(handle);
        ImmutableArray<SignatureType> typeArguments = specification.DecodeSignature(DocIdSignatureProvider.Instance, null);
        string method = specification.Method.Kind == HandleKind.MethodDefinition
            ? DefinitionDocIds.Of(_reader, (MethodDefinitionHandle)specification.Method)
            : Describe((MemberReferenceHandle)specification.Method, usedBy)?.DocId ?? "(unknown method)";
        Report(method + " instantiated with {" + string.Join(",", typeArguments.Select(argument => argument.DocId)) + "}", usedBy, NoGenerics);
        foreach (SignatureType argument in typeArguments)
        {
            UseType(argument, usedBy);
        }

        Use(specification.Method, usedBy);
    }

    MemberReferenceDescription? Describe(MemberReferenceHandle handle, string usedBy)
    {
        MemberReference reference = _reader.GetMemberReference(handle);
        EntityHandle parent = reference.Parent;
        switch (parent.Kind)
        {
            case HandleKind.TypeReference:
                var typeReference = (TypeReferenceHandle)parent;
                MarkResolvedWithEnclosingTypes(typeReference);
                return MemberReferenceDescription.Create(_reader, reference, DocIds.TypeName(_reader, typeReference),
                    TypeReferenceScopes.AssemblyQualifiedNameOf(_reader, typeReference));
            case HandleKind.TypeDefinition:
                return MemberReferenceDescription.Create(_reader, reference, DocIds.TypeName(_reader, (TypeDefinitionHandle)parent), null);
            case HandleKind.TypeSpecification:
                _resolved.Add(parent);
                SignatureType specification = DecodeTypeSpecification((TypeSpecificationHandle)parent);
                UseType(specification, usedBy);
                return MemberReferenceDescription.Create(_reader, reference, specification.DeclaringTypeDocName, null);
            case HandleKind.MethodDefinition:
                // A vararg call site of the assembly's own method.
                return null;
            default:
                Report("M:" + _reader.GetString(reference.Name), usedBy, "member of a module reference (native code)");
                return null;
        }
    }

    void UseNamedArgument(EntityHandle constructor, CustomAttributeNamedArgument<string> argument, string target)
    {
        string attributeType = OwnDefinitions.AttributeTypeName(_reader, constructor);
        string memberId = (argument.Kind == CustomAttributeNamedArgumentKind.Property ? "P:" : "F:") + attributeType + "." + argument.Name;
        if (_own.Defines(DocIds.Type(attributeType)))
        {
            if (!_own.Defines(memberId))
            {
                Report(memberId, target, "not defined by the portable assemblies");
            }

            return;
        }

        if (CompilerLoweringAllowances.IsOptionalSynthesizedAttributeArgument(memberId))
        {
            return;
        }

        string? assemblyQualified = constructor.Kind == HandleKind.MemberReference
            && _reader.GetMemberReference((MemberReferenceHandle)constructor).Parent is { Kind: HandleKind.TypeReference } parent
            ? TypeReferenceScopes.AssemblyQualifiedNameOf(_reader, (TypeReferenceHandle)parent)
            : null;
        string prefix = memberId.Substring(0, 2);
        if (!ListedOnTypeOrBase(attributeType, assemblyQualified, type => new[] { prefix + type + "." + argument.Name }, inheritable: true))
        {
            Report(memberId, target, NotListed);
        }
    }

    // typeof(X) arguments are stored by name, not by token: check the named type like any reference.
    void UseTypeValues(CustomAttributeTypedArgument<string> argument, string target)
    {
        if (argument.Value is ImmutableArray<CustomAttributeTypedArgument<string>> elements)
        {
            foreach (CustomAttributeTypedArgument<string> element in elements)
            {
                UseTypeValues(element, target);
            }

            return;
        }

        if (argument.Type == "System.Type" && argument.Value is string serializedName)
        {
            if (serializedName.Contains('['))
            {
                Report(DocIds.Type(DocIds.TypeNameFromSerialized(serializedName)), target, NoGenerics);
                return;
            }

            string docId = DocIds.Type(DocIds.TypeNameFromSerialized(serializedName));
            if (!_own.Defines(docId))
            {
                RequireListed(docId, target);
            }
        }
    }

    bool ListedOnTypeOrBase(string type, string? assemblyQualifiedType, Func<string, IEnumerable<string>> idsOn, bool inheritable)
    {
        if (idsOn(type).Any(Listed))
        {
            return true;
        }

        if (!inheritable || assemblyQualifiedType == null)
        {
            return false;
        }

        // Only base types the device has can supply the member there.
        if (RuntimeTypes.BaseTypeDocNames(assemblyQualifiedType)
            .Where(baseType => _listing.AssemblyOf(DocIds.Type(baseType)) != null)
            .Any(baseType => idsOn(baseType).Any(Listed)))
        {
            return true;
        }

        // .NET may declare a member on a base the device lacks where the device declares it on the derived
        // type the code holds: AutoResetEvent.Set compiles to EventWaitHandle.Set on net10. Code can only hold
        // such a receiver through a listed derived type, since naming the unlisted base (a field, a local, a
        // parameter, a cast) is a type use reported on its own.
        return RuntimeTypes.DerivedTypeDocNames(assemblyQualifiedType)
            .Where(derived => _listing.AssemblyOf(DocIds.Type(derived)) != null)
            .Any(derived => idsOn(derived).Any(Listed));
    }

    bool Listed(string docId)
    {
        string? assembly = _listing.AssemblyOf(docId);
        if (assembly == null)
        {
            return false;
        }

        _nanoAssemblies.Add(assembly);
        return true;
    }

    void RequireListed(string docId, string usedBy)
    {
        if (!Listed(docId))
        {
            Report(docId, usedBy, NotListed);
        }
    }

    bool IsOwn(TypeReferenceHandle handle)
    {
        string? assembly = TypeReferenceScopes.AssemblyNameOf(_reader, handle);
        return assembly == null || _own.IsOwnAssembly(assembly);
    }

    void MarkResolvedWithEnclosingTypes(TypeReferenceHandle handle)
    {
        for (EntityHandle scope = handle; scope.Kind == HandleKind.TypeReference;
             scope = _reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope)
        {
            _resolved.Add(scope);
        }
    }

    SignatureType DecodeTypeSpecification(TypeSpecificationHandle handle)
    {
        return _reader.GetTypeSpecification(handle).DecodeSignature(DocIdSignatureProvider.Instance, null);
    }
}
