namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>Facts about how the checked assemblies were compiled that metadata does not record.</summary>
/// <param name="LanguageVersionAtMost10">Built with LangVersion 10 or lower, as the device build is.</param>
sealed record CheckOptions(bool LanguageVersionAtMost10)
{
    public static readonly CheckOptions ModernCSharp = new(LanguageVersionAtMost10: false);
}
