using EdgeSensor.Device.Config;
using EdgeSensor.Device.Sensors;
using EdgeSensor.NanoTests.Application;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Sensors;

/// <summary>The DHT22/DHT11 driver behind its reader: resting between reads, the plausible range, values at the offset.</summary>
[TestClass]
public class DhtSensorTests
{
    [TestMethod]
    public void ReadsBothQuantitiesAtTheOffset()
    {
        FakeDht dht = new FakeDht();
        DhtSensor sensor = new DhtSensor("d", dht, SensorKind.Dht22);
        double[] values = new double[] { -1, -1, -1 };
        Assert.AreEqual(0, sensor.Start(0), "no conversion wait: the reader blocks");
        Assert.IsTrue(sensor.Collect(values, 1), "collected");
        Assert.AreEqual(-1.0, values[0], "before the offset");
        Assert.AreEqual(21.04, values[1], "temperature as read");
        Assert.AreEqual(40.06, values[2], "humidity as read");
        Assert.AreEqual("d", sensor.Name, "name");
        Assert.AreEqual(2, sensor.Quantities.Length, "quantities");
        Assert.AreEqual("temperature_c", sensor.Quantities[0].Key, "first");
        Assert.AreEqual("humidity_pct", sensor.Quantities[1].Key, "second");
    }

    [TestMethod]
    [DataRow(0, 1999, 1)]
    [DataRow(1, 999, 1)]
    [DataRow(0, 2000, 2)]
    [DataRow(1, 1000, 2)]
    public void AskedBeforeItsRestItAnswersWithItsLastRead(int dht11, int laterMs, int reads)
    {
        FakeDht dht = new FakeDht();
        DhtSensor sensor = new DhtSensor("d", dht, dht11 == 1 ? SensorKind.Dht11 : SensorKind.Dht22);
        sensor.Start(5000);
        dht.Temperature = 30;
        sensor.Start(5000 + laterMs);
        Assert.AreEqual(reads, dht.Reads, "reads");
        double[] values = new double[2];
        Assert.IsTrue(sensor.Collect(values, 0), "collected");
        Assert.AreEqual(reads == 1 ? 21.04 : 30.0, values[0], "the last read's temperature");
    }

    [TestMethod]
    public void AFailedReadStaysFailedUntilTheNextRead()
    {
        FakeDht dht = new FakeDht();
        DhtSensor sensor = new DhtSensor("d", dht, SensorKind.Dht22);
        dht.Fail = true;
        sensor.Start(0);
        dht.Fail = false;
        sensor.Start(1000);
        Assert.IsFalse(sensor.Collect(new double[2], 0), "still the failed read");
        sensor.Start(2000);
        Assert.IsTrue(sensor.Collect(new double[2], 0), "read again");
    }

    [TestMethod]
    public void TheFirstStartReadsWhateverTheClockSays()
    {
        FakeDht dht = new FakeDht();
        DhtSensor sensor = new DhtSensor("d", dht, SensorKind.Dht22);
        sensor.Start(-5000);
        Assert.AreEqual(1, dht.Reads, "first read, at a negative time");
        sensor.Start(0);
        Assert.AreEqual(2, dht.Reads, "reads");
    }

    [TestMethod]
    [DataRow(-40000, 0, true)]
    [DataRow(80000, 100000, true)]
    [DataRow(-40001, 50000, false)]
    [DataRow(80001, 50000, false)]
    [DataRow(20000, -1, false)]
    [DataRow(20000, 100001, false)]
    public void OnlyPlausibleReadingsAreGood(int milliCelsius, int milliPercent, bool good)
    {
        FakeDht dht = new FakeDht();
        dht.Temperature = milliCelsius / 1000.0;
        dht.Humidity = milliPercent / 1000.0;
        DhtSensor sensor = new DhtSensor("d", dht, SensorKind.Dht22);
        sensor.Start(0);
        Assert.AreEqual(good, sensor.Collect(new double[2], 0), "plausible");
    }
}
