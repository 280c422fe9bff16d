namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>Where a member reference occurs, which decides whether the compiler could have left it out.</summary>
enum ReferenceSite
{
    Code,
    Attribute,
    ModuleAttribute,
}
