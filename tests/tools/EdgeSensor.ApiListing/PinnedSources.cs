namespace EdgeSensor.ApiListingTool;

/// <summary>
/// The commits the nanoFramework toolchain compiles its reference assemblies from (its pins), as data: the listing's
/// header must say where each assembly came from, and a reference assembly does not record its own commit.
/// When the toolchain's pins move, update this table (git describe --tags and the commit date give Described)
/// and regenerate the listing.
/// </summary>
static class PinnedSources
{
    /// <summary>In the header's order: mscorlib first, then the libraries roughly by how much depends on them.</summary>
    public static readonly ListedAssembly[] Listed =
    {
        new("mscorlib", "nanoFramework.CoreLibrary", "nanoframework/CoreLibrary", "5e378893cd55157bcd1eae7e79ad96bc9ea13d3b", "main, 2026-05-06; tag v1.17.11+10"),
        new("nanoFramework.Runtime.Events", "nanoFramework.Runtime.Events", "nanoframework/nanoFramework.Runtime.Events", "ec7a0a09fea0d53fd9bfaaef6ec857802d87bcc0", "main, 2026-07-09; tag v1.11.37+1"),
        new("nanoFramework.Runtime.Native", "nanoFramework.Runtime.Native", "nanoframework/nanoFramework.Runtime.Native", "a7c24bd4983163ba1a3febbedc23d13cb17cdf36", "main, 2025-11-06; tag v1.7.11+5"),
        new("nanoFramework.System.Collections", "nanoFramework.System.Collections", "nanoframework/System.Collections", "c334f95df155fb0546fc1461cd1b143afd637121", "main, 2026-06-22; tag v1.5.75"),
        new("nanoFramework.System.Text", "nanoFramework.System.Text", "nanoframework/System.Text", "4c12b0e88fbc215bcf8471b17d0cb219f0acb1f5", "main, 2026-07-09; tag v1.3.42+18"),
        new("System.Threading", "nanoFramework.System.Threading", "nanoframework/System.Threading", "ebe978044a63394fc123c27f1cdf19bda7065031", "main, 2026-06-24; tag v1.1.52+6"),
        new("System.IO.Streams", "nanoFramework.System.IO.Streams", "nanoframework/System.IO.Streams", "ff384f9833c477b708c42c590e17ca0715050fd3", "main, 2026-06-25; tag v1.1.96+4"),
        new("System.Net", "nanoFramework.System.Net", "nanoframework/System.Net", "713b02c9fea5265e4e70981a9115daa3b5745c4c", "main, 2026-06-29; tag v1.11.54"),
        new("System.Device.Gpio", "nanoFramework.System.Device.Gpio", "nanoframework/System.Device.Gpio", "cd99158280e0f5c24102981c26baf69facda4d17", "main, 2026-06-29; tag v1.1.62"),
        new("System.Device.I2c", "nanoFramework.System.Device.I2c", "nanoframework/System.Device.I2c", "f0f98eca643e04090d759b7f6dda8529f35cb238", "main, 2026-06-24; tag v1.1.29+4"),
        new("System.Device.Pwm", "nanoFramework.System.Device.Pwm", "nanoframework/System.Device.Pwm", "8a237a345cb104d9cd464ef890a720113ac88f8d", "main, 2025-12-18; tag v1.1.23+3"),
        new("System.Device.Wifi", "nanoFramework.System.Device.Wifi", "nanoframework/System.Device.Wifi", "282a90676d5b2b7fa583a4efeb47ec5cac77fa0e", "main, 2026-06-29; tag v1.5.147"),
        new("System.Math", "nanoFramework.System.Math", "nanoframework/System.Math", "9e35956f75b12d44654ed5ef55602eea3efa545e", "main, 2025-12-12; tag v1.5.116+11"),
        new("nanoFramework.Hardware.Esp32", "nanoFramework.Hardware.Esp32", "nanoframework/nanoFramework.Hardware.Esp32", "579dbaf231d7fa7ab2672d81176a4a59b7d60bfb", "main, 2026-07-30; tag v1.6.42"),
        new("nanoFramework.Hardware.Esp32.Rmt", "nanoFramework.Hardware.Esp32.Rmt", "nanoframework/nanoFramework.Hardware.Esp32.Rmt", "bc928f8fd6f27d468bc1af52ee7cde73ee8f54e2", "main, 2026-07-30; tag v2.0.53"),
        // IoT.Device has no tags; its packages are versioned per device folder, so no tag version is claimed.
        new("System.Diagnostics.Stopwatch", "nanoFramework.System.Diagnostics.Stopwatch", "nanoframework/nanoFramework.IoT.Device", "122ebb1a7aa12f29df2c177a8f79dca963fa4c1e", "main, 2026-01-08"),
        new("System.Device.Model", "nanoFramework.System.Device.Model", "nanoframework/nanoFramework.IoT.Device", "122ebb1a7aa12f29df2c177a8f79dca963fa4c1e", "main, 2026-01-08"),
        new("Iot.Device.Dhtxx.Esp32", "nanoFramework.Iot.Device.Dhtxx.Esp32", "nanoframework/nanoFramework.IoT.Device", "122ebb1a7aa12f29df2c177a8f79dca963fa4c1e", "main, 2026-01-08"),
        // UnitsNet's tags are "UnitsNet/X.Y.Z", not "vX.Y.Z": the project-file check reads no version from them.
        new("UnitsNet.Temperature", "UnitsNet.nanoFramework.Temperature", "angularsen/UnitsNet", "950a0e66758329d0df1c5fdafc93031f8febafa7", "maintenance/v5, 2026-07-18; tag UnitsNet/5.75.1"),
        new("UnitsNet.RelativeHumidity", "UnitsNet.nanoFramework.RelativeHumidity", "angularsen/UnitsNet", "950a0e66758329d0df1c5fdafc93031f8febafa7", "maintenance/v5, 2026-07-18; tag UnitsNet/5.75.1"),
        new("nanoFramework.TestFramework", "nanoFramework.TestFramework", "nanoframework/nanoFramework.TestFramework", "d4fa55eb58a9ef2f4635e87da79d42e6c49b04b4", "main, 2025-09-30; tag v3.0.77+1"),
    };

    /// <summary>
    /// Reference assemblies the toolchain builds that the listing leaves out on purpose. M2Mqtt: EdgeSensor has its
    /// own MQTT client, and listing it would let portable code lean on it unnoticed. UnitTestLauncher: the program
    /// that runs NFUnitTest on nanoCLR, not an API anyone calls.
    /// </summary>
    public static readonly string[] NotListed = { "nanoFramework.M2Mqtt", "nanoFramework.M2Mqtt.Core", "nanoFramework.UnitTestLauncher" };
}
