using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>
/// A type as it appears in a signature: its doc-ID spelling, the type references it is built from,
/// and whether it instantiates a generic type anywhere in it (which the device cannot run).
/// </summary>
/// <param name="GenericDefinition">For a generic instantiation, the doc ID of the generic type it instantiates.</param>
sealed record SignatureType(
    string DocId,
    ImmutableArray<TypeReferenceHandle> References,
    bool HasGenericInstantiation,
    string? GenericDefinition = null)
{
    public static SignatureType Plain(string docId)
    {
        return new SignatureType(docId, ImmutableArray<TypeReferenceHandle>.Empty, false);
    }

    /// <summary>The doc-ID spelling of the type that declares members reached through this type.</summary>
    public string DeclaringTypeDocName => GenericDefinition ?? DocId;
}
