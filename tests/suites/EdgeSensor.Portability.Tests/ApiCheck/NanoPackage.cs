namespace EdgeSensor.Portability.Tests.ApiCheck;

/// <summary>One row of nanoframework-api-v1.txt's header table: which NuGet package ships an assembly, and at which tag.</summary>
sealed record NanoPackage(string Assembly, string PackageId, string? TagVersion);
