using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>
/// Visits everything one assembly defines (types, members, signatures, attributes, method bodies) and hands
/// each reference to the <see cref="ReferenceResolver"/> together with the definition that makes it.
/// </summary>
sealed class AssemblyScanner
{
    const string NoGenerics = "generics: nanoFramework 1.x runs no generic types or methods";

    readonly PEReader _peReader;
    readonly MetadataReader _reader;
    readonly OwnDefinitions _own;
    readonly ReferenceResolver _resolver;
    readonly HashSet<CustomAttributeHandle> _visitedAttributes = new();

    AssemblyScanner(PEReader peReader, ApiListing listing, OwnDefinitions own, CheckOptions options)
    {
        _peReader = peReader;
        _reader = peReader.GetMetadataReader();
        _own = own;
        _resolver = new ReferenceResolver(_reader, listing, own, options);
    }

    public static ReferenceResolver Scan(PEReader peReader, ApiListing listing, OwnDefinitions own, CheckOptions options)
    {
        var scanner = new AssemblyScanner(peReader, listing, own, options);
        scanner.ScanAll();
        return scanner._resolver;
    }

    void ScanAll()
    {
        UseAttributes(_reader.GetAssemblyDefinition().GetCustomAttributes(), DefinitionDocIds.AssemblyTarget(_reader));
        UseAttributes(_reader.GetModuleDefinition().GetCustomAttributes(), DefinitionDocIds.ModuleTarget(_reader), ReferenceSite.ModuleAttribute);
        foreach (TypeDefinitionHandle handle in _reader.TypeDefinitions)
        {
            // Compiler-embedded types are reported where they are used, not picked apart.
            if (!_own.IsEmbeddedType(DocIds.TypeName(_reader, handle)))
            {
                ScanType(handle);
            }
        }

        string leftOver = "metadata of " + DefinitionDocIds.AssemblyTarget(_reader) + " (no using definition found)";
        foreach (CustomAttributeHandle handle in _reader.CustomAttributes)
        {
            CustomAttribute attribute = _reader.GetCustomAttribute(handle);
            if (!_visitedAttributes.Contains(handle) && !IsOnEmbeddedType(attribute.Parent))
            {
                _resolver.UseAttribute(attribute, leftOver);
            }
        }

        _resolver.UseLeftOverReferences(leftOver);
    }

    void ScanType(TypeDefinitionHandle handle)
    {
        TypeDefinition type = _reader.GetTypeDefinition(handle);
        string typeId = DefinitionDocIds.Of(_reader, handle);
        if (type.GetGenericParameters().Count > 0)
        {
            _resolver.Report(typeId, typeId, NoGenerics);
        }

        if (!type.BaseType.IsNil)
        {
            _resolver.Use(type.BaseType, typeId);
        }

        foreach (InterfaceImplementationHandle implementationHandle in type.GetInterfaceImplementations())
        {
            InterfaceImplementation implementation = _reader.GetInterfaceImplementation(implementationHandle);
            _resolver.Use(implementation.Interface, typeId);
            UseAttributes(implementation.GetCustomAttributes(), typeId);
        }

        UseAttributes(type.GetCustomAttributes(), typeId);
        foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
        {
            FieldDefinition field = _reader.GetFieldDefinition(fieldHandle);
            string fieldId = DefinitionDocIds.Of(_reader, fieldHandle);
            _resolver.UseType(field.DecodeSignature(DocIdSignatureProvider.Instance, null), fieldId);
            UseAttributes(field.GetCustomAttributes(), fieldId);
        }

        foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
        {
            ScanMethod(methodHandle);
        }

        foreach (PropertyDefinitionHandle propertyHandle in type.GetProperties())
        {
            PropertyDefinition property = _reader.GetPropertyDefinition(propertyHandle);
            string propertyId = DefinitionDocIds.Of(_reader, handle, propertyHandle);
            _resolver.UseSignature(property.DecodeSignature(DocIdSignatureProvider.Instance, null), propertyId);
            UseAttributes(property.GetCustomAttributes(), propertyId);
        }

        foreach (EventDefinitionHandle eventHandle in type.GetEvents())
        {
            EventDefinition definition = _reader.GetEventDefinition(eventHandle);
            string eventId = DefinitionDocIds.Of(_reader, handle, eventHandle);
            _resolver.Use(definition.Type, eventId);
            UseAttributes(definition.GetCustomAttributes(), eventId);
        }

        // Explicit interface implementations name the interface member they implement.
        foreach (MethodImplementationHandle implementationHandle in type.GetMethodImplementations())
        {
            MethodImplementation implementation = _reader.GetMethodImplementation(implementationHandle);
            string implementer = implementation.MethodBody.Kind == HandleKind.MethodDefinition
                ? DefinitionDocIds.Of(_reader, (MethodDefinitionHandle)implementation.MethodBody)
                : typeId;
            _resolver.Use(implementation.MethodDeclaration, implementer);
        }
    }

    void ScanMethod(MethodDefinitionHandle handle)
    {
        MethodDefinition method = _reader.GetMethodDefinition(handle);
        string methodId = DefinitionDocIds.Of(_reader, handle);
        if (method.GetGenericParameters().Count > 0)
        {
            _resolver.Report(methodId, methodId, NoGenerics);
        }

        _resolver.UseSignature(method.DecodeSignature(DocIdSignatureProvider.Instance, null), methodId);
        UseAttributes(method.GetCustomAttributes(), methodId);
        foreach (ParameterHandle parameterHandle in method.GetParameters())
        {
            UseAttributes(_reader.GetParameter(parameterHandle).GetCustomAttributes(),
                DefinitionDocIds.OfParameter(_reader, handle, parameterHandle));
        }

        if (method.RelativeVirtualAddress == 0)
        {
            return;
        }

        MethodBodyBlock body = _peReader.GetMethodBody(method.RelativeVirtualAddress);
        if (!body.LocalSignature.IsNil)
        {
            ImmutableArray<SignatureType> locals = _reader.GetStandaloneSignature(body.LocalSignature)
                .DecodeLocalSignature(DocIdSignatureProvider.Instance, null);
            foreach (SignatureType local in locals)
            {
                _resolver.UseType(local, methodId);
            }
        }

        foreach (ExceptionRegion region in body.ExceptionRegions)
        {
            if (!region.CatchType.IsNil)
            {
                _resolver.Use(region.CatchType, methodId);
            }
        }

        foreach (int token in IlTokenScanner.Tokens(body.GetILBytes() ?? System.Array.Empty<byte>()))
        {
            Handle operand = MetadataTokens.Handle(token);
            if (operand.Kind != HandleKind.UserString)
            {
                _resolver.Use((EntityHandle)operand, methodId);
            }
        }
    }

    void UseAttributes(
        CustomAttributeHandleCollection attributes, string target, ReferenceSite site = ReferenceSite.Attribute)
    {
        foreach (CustomAttributeHandle handle in attributes)
        {
            _visitedAttributes.Add(handle);
            _resolver.UseAttribute(_reader.GetCustomAttribute(handle), target, site);
        }
    }

    bool IsOnEmbeddedType(EntityHandle parent)
    {
        TypeDefinitionHandle owner = parent.Kind switch
        {
            HandleKind.TypeDefinition => (TypeDefinitionHandle)parent,
            HandleKind.MethodDefinition => _reader.GetMethodDefinition((MethodDefinitionHandle)parent).GetDeclaringType(),
            HandleKind.FieldDefinition => _reader.GetFieldDefinition((FieldDefinitionHandle)parent).GetDeclaringType(),
            _ => default,
        };
        return !owner.IsNil && _own.IsEmbeddedType(DocIds.TypeName(_reader, owner));
    }
}
