using EdgeSensor.Device.Config;
using EdgeSensor.Device.Sensors;
using EdgeSensor.Mqtt;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>
/// <c>&lt;base&gt;/telemetry</c> byte for byte (device-topics.md): one document per interval, values with fixed
/// decimals rounded half away from zero, null for every quantity of a sensor whose read failed, never a stale value.
/// </summary>
[TestClass]
public class TelemetryDocumentTests
{
    const string Telemetry = DeviceFixture.Base + "/telemetry";
    const string Event = DeviceFixture.Base + "/event";

    static byte[] Document(int seq, int uptime, string dht, int errors)
    {
        return Ascii.Json("{'seq':" + seq.ToString() + ",'uptime_s':" + uptime.ToString() + ",'sensors':{'dht22':" + dht
            + "},'errors':{'dht22':" + errors.ToString() + "}}");
    }

    static string Dht(string temperature, string humidity)
    {
        return "{'temperature_c':" + temperature + ",'humidity_pct':" + humidity + "}";
    }

    static readonly string Nulls = Dht("null", "null");

    [TestMethod]
    public void EveryIntervalPublishesOneDocumentWithIncreasingSeqAndFixedDecimals()
    {
        DeviceFixture f = new DeviceFixture();
        f.Connect();
        for (int i = 1; i <= 3; i++) f.Advance(10000);
        Assert.AreEqual(4, f.Link.CountOn(Telemetry), "one document per interval");
        int at = -1;
        for (int i = 0; i < 4; i++)
        {
            at = f.Link.IndexOf(Telemetry, at + 1);
            // 21.04 -> 21.0 and 40.06 -> 40.1: one decimal, rounded.
            Expect.Message(f.Link, at, Telemetry, Document(i + 1, i * 10, Dht("21.0", "40.1"), 0), MqttQos.AtLeastOnce, false);
        }
    }

    [TestMethod]
    public void TickReturnsTheTimeUntilTheNextDocument()
    {
        DeviceFixture f = new DeviceFixture();
        f.Device.Tick(f.Now);
        Assert.AreEqual(10000L, f.Device.Tick(f.Now), "right after a document");
        Assert.AreEqual(4000L, f.Device.Tick(f.Now + 6000), "6 s later");
    }

    [TestMethod]
    public void AFailedReadIsNullNeverStaleAndTheEventComesOnceAfterTheThreshold()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Dht.Fail = true;
        for (int i = 0; i < 5; i++) f.Advance(10000);

        Assert.AreEqual(5, f.Link.CountOn(Telemetry), "documents");
        int at = -1;
        for (int i = 0; i < 5; i++)
        {
            at = f.Link.IndexOf(Telemetry, at + 1);
            Expect.Message(f.Link, at, Telemetry, Document(i + 2, (i + 1) * 10, Nulls, i + 1), MqttQos.AtLeastOnce, false);
        }
        // failure_event_after = 3: the event once, on the third failed read, before that round's telemetry.
        Expect.Only(f.Link, Event, Ascii.Json("{'event':'sensor_failed','sensor':'dht22','errors':3}"), MqttQos.AtLeastOnce, false);
        Assert.AreEqual(f.Link.IndexOf(Event) + 1, f.Link.IndexOf(Telemetry, f.Link.IndexOf(Event)), "the event precedes its round's telemetry");
        Assert.AreEqual(Event, f.Link[2].Topic, "third round: two documents, then the event");

        f.Link.Clear();
        f.Dht.Fail = false;
        f.Advance(10000);
        Assert.AreEqual(2, f.Link.Count, "recovery: the event and the document");
        Expect.Message(f.Link, 0, Event, Ascii.Json("{'event':'sensor_recovered','sensor':'dht22','errors':0}"), MqttQos.AtLeastOnce, false);
        Expect.Message(f.Link, 1, Telemetry, Document(7, 60, Dht("21.0", "40.1"), 0), MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void FailuresShorterThanTheThresholdRaiseNoEvent()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Dht.Fail = true;
        f.Advance(10000);
        f.Advance(10000);
        f.Dht.Fail = false;
        f.Advance(10000);
        Assert.AreEqual(0, f.Link.CountOn(Event), "two failures, then a good read: no failed and no recovered event");
        Expect.Message(f.Link, 2, Telemetry, Document(4, 30, Dht("21.0", "40.1"), 0), MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void AThresholdOfOneReportsTheFirstFailure()
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.FailureEventAfter = 1;
        DeviceFixture f = new DeviceFixture(config);
        f.Dht.Fail = true;
        f.Tick();
        Expect.Only(f.Link, Event, Ascii.Json("{'event':'sensor_failed','sensor':'dht22','errors':1}"), MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void AThresholdBelowOneCountsAsOne()
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.FailureEventAfter = 0;
        DeviceFixture f = new DeviceFixture(config);
        f.Dht.Fail = true;
        f.Tick();
        f.Advance(10000);
        Expect.Only(f.Link, Event, Ascii.Json("{'event':'sensor_failed','sensor':'dht22','errors':1}"), MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void DhtIsNotReadFasterThanItsMinimumInterval()
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.TelemetryIntervalSeconds = 1;
        DeviceFixture f = new DeviceFixture(config);
        for (int i = 0; i < 10; i++) f.Device.Tick(f.Now + i * 1000);
        Assert.AreEqual(5, f.Dht.Reads, "a DHT22 rests 2 s between reads");
    }

    [TestMethod]
    public void ADht11IsReadEverySecond()
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.TelemetryIntervalSeconds = 1;
        FakeDht dht = new FakeDht();
        DeviceFixture f = new DeviceFixture(config, new ISensor[] { new DhtSensor("dht11", dht, SensorKind.Dht11) });
        for (int i = 0; i < 10; i++) f.Device.Tick(f.Now + i * 1000);
        Assert.AreEqual(10, dht.Reads, "a DHT11 rests 1 s between reads");
    }

    [TestMethod]
    public void DocumentsThatCouldNotBeHandedOverAreCountedAndLeaveAGapInSeq()
    {
        DeviceFixture f = new DeviceFixture();
        f.Tick();
        f.Link.Answer = MqttPublishResult.OutboxFull;
        f.Advance(10000);
        f.Link.Answer = MqttPublishResult.Accepted;
        f.Advance(10000);
        Assert.AreEqual(2, f.Link.Count, "documents handed over");
        Expect.Message(f.Link, 0, Telemetry, Document(1, 0, Dht("21.0", "40.1"), 0), MqttQos.AtLeastOnce, false);
        Expect.Message(f.Link, 1, Telemetry, Document(3, 20, Dht("21.0", "40.1"), 0), MqttQos.AtLeastOnce, false);
        Assert.AreEqual(2L, f.Device.TelemetryPublished, "TelemetryPublished");
    }

    [TestMethod]
    public void TelemetryQosFollowsTheConfig()
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.TelemetryQos = 0;
        DeviceFixture f = new DeviceFixture(config);
        f.Tick();
        Expect.Only(f.Link, Telemetry, Document(1, 0, Dht("21.0", "40.1"), 0), MqttQos.AtMostOnce, false);
    }

    [TestMethod]
    public void UptimeIsWholeSecondsSinceTheFirstTick()
    {
        DeviceFixture f = new DeviceFixture();
        f.Tick();
        f.Advance(10999);
        Expect.Message(f.Link, 1, Telemetry, Document(2, 10, Dht("21.0", "40.1"), 0), MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void AfterALongPauseOneDocumentIsPublishedNotABurst()
    {
        DeviceFixture f = new DeviceFixture();
        f.Tick();
        Assert.AreEqual(10000L, f.Advance(35000), "the schedule restarts from now");
        f.Tick();
        Assert.AreEqual(2, f.Link.Count, "one document for the missed intervals");
        Expect.Message(f.Link, 1, Telemetry, Document(2, 35, Dht("21.0", "40.1"), 0), MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    [DataRow(21040, 40060, "21.0", "40.1")]
    [DataRow(23450, 50000, "23.5", "50.0")]
    [DataRow(-40000, 0, "-40.0", "0.0")]
    [DataRow(80000, 100000, "80.0", "100.0")]
    [DataRow(-40, 40, "0.0", "0.0")]
    [DataRow(-50, 50, "-0.1", "0.1")]
    [DataRow(-12345, 12345, "-12.3", "12.3")]
    [DataRow(-12350, 12350, "-12.4", "12.4")]
    [DataRow(19950, 99950, "20.0", "100.0")]
    [DataRow(-9950, 99949, "-10.0", "99.9")]
    [DataRow(0, 1, "0.0", "0.0")]
    [DataRow(24999, 65001, "25.0", "65.0")]
    public void ValuesAreRoundedHalfAwayFromZeroToOneDecimal(int milliCelsius, int milliPercent, string temperature, string humidity)
    {
        DeviceFixture f = new DeviceFixture();
        f.Dht.Temperature = milliCelsius / 1000.0;
        f.Dht.Humidity = milliPercent / 1000.0;
        f.Tick();
        Expect.Only(f.Link, Telemetry, Document(1, 0, Dht(temperature, humidity), 0), MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    [DataRow(-40001, 50000)]
    [DataRow(80001, 50000)]
    [DataRow(20000, -1)]
    [DataRow(20000, 100001)]
    public void ADhtReadingOutsideItsRangeIsAFailedRead(int milliCelsius, int milliPercent)
    {
        DeviceFixture f = new DeviceFixture();
        f.Dht.Temperature = milliCelsius / 1000.0;
        f.Dht.Humidity = milliPercent / 1000.0;
        f.Tick();
        Expect.Only(f.Link, Telemetry, Document(1, 0, Nulls, 1), MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void ANaNValueIsNullWhileTheReadCountsAsGood()
    {
        FakeSensor sensor = new FakeSensor("x", new SensorQuantity[] { SensorQuantity.TemperatureC, SensorQuantity.HumidityPercent });
        sensor.Values[0] = double.NaN;
        sensor.Values[1] = 12.25;
        DeviceFixture f = new DeviceFixture(DeviceFixture.SampleConfig(), new ISensor[] { sensor });
        f.Tick();
        Expect.Only(f.Link, Telemetry,
            Ascii.Json("{'seq':1,'uptime_s':0,'sensors':{'x':{'temperature_c':null,'humidity_pct':12.3}},'errors':{'x':0}}"), MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void EachSensorHasItsObjectAndItsErrorCountInConfigOrder()
    {
        FakeSensor bme = new FakeSensor("bme", new SensorQuantity[] { SensorQuantity.TemperatureC, SensorQuantity.HumidityPercent, SensorQuantity.PressureHpa });
        bme.Values[0] = 19.96;
        bme.Values[1] = 55.55;
        bme.Values[2] = 1013.25;
        FakeDht dht = new FakeDht();
        dht.Fail = true;
        DeviceFixture f = new DeviceFixture(DeviceFixture.SampleConfig(), new ISensor[] { bme, new DhtSensor("garden", dht, SensorKind.Dht22) });
        f.Tick();
        f.Advance(10000);
        Expect.Message(f.Link, 1, Telemetry, Ascii.Json("{'seq':2,'uptime_s':10,'sensors':{'bme':{'temperature_c':20.0,'humidity_pct':55.6,'pressure_hpa':1013.3},"
            + "'garden':{'temperature_c':null,'humidity_pct':null}},'errors':{'bme':0,'garden':2}}"), MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void ASensorThatCouldNotStartIsNotCollectedAndCountsAsAFailure()
    {
        FakeSensor sensor = new FakeSensor("s", new SensorQuantity[] { SensorQuantity.TemperatureC });
        sensor.StartWait = -1;
        DeviceFixture f = new DeviceFixture(DeviceFixture.SampleConfig(), new ISensor[] { sensor });
        f.Tick();
        Assert.AreEqual(0, sensor.Collects, "Collect after a failed Start");
        Expect.Only(f.Link, Telemetry, Ascii.Json("{'seq':1,'uptime_s':0,'sensors':{'s':{'temperature_c':null}},'errors':{'s':1}}"), MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void SensorsAreCollectedWhenTheSlowestConversionIsDone()
    {
        FakeSensor fast = new FakeSensor("fast", new SensorQuantity[] { SensorQuantity.TemperatureC });
        FakeSensor slow = new FakeSensor("slow", new SensorQuantity[] { SensorQuantity.TemperatureC });
        fast.StartWait = 3;
        slow.StartWait = 16;
        DeviceFixture f = new DeviceFixture(DeviceFixture.SampleConfig(), new ISensor[] { fast, slow });
        Assert.AreEqual(16L, f.Tick(), "wait for the slowest");
        Assert.AreEqual(0, fast.Collects + slow.Collects, "nothing collected yet");
        Assert.AreEqual(0, f.Link.Count, "no document yet");
        Assert.AreEqual(6L, f.Advance(10), "still converting");
        Assert.AreEqual(9984L, f.Advance(6), "then the next interval, counted from the start of the round");
        Assert.AreEqual(1, fast.Collects, "fast collected once");
        Assert.AreEqual(1, slow.Collects, "slow collected once");
        Expect.Only(f.Link, Telemetry, Ascii.Json("{'seq':1,'uptime_s':0,'sensors':{'fast':{'temperature_c':0.0},'slow':{'temperature_c':0.0}},'errors':{'fast':0,'slow':0}}"),
            MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void ADeviceWithoutSensorsStillPublishesItsSequence()
    {
        DeviceFixture f = new DeviceFixture(DeviceFixture.SampleConfig(), new ISensor[0]);
        f.Tick();
        Expect.Only(f.Link, Telemetry, Ascii.Json("{'seq':1,'uptime_s':0,'sensors':{},'errors':{}}"), MqttQos.AtLeastOnce, false);
    }

    static byte[] OneValue(SensorQuantity quantity, double value)
    {
        FakeSensor sensor = new FakeSensor("s", new SensorQuantity[] { quantity });
        sensor.Values[0] = value;
        DeviceFixture f = new DeviceFixture(DeviceFixture.SampleConfig(), new ISensor[] { sensor });
        f.Tick();
        return f.Link.Only(Telemetry).Payload;
    }

    static byte[] OneValueDocument(string key, string value)
    {
        return Ascii.Json("{'seq':1,'uptime_s':0,'sensors':{'s':{'" + key + "':" + value + "}},'errors':{'s':0}}");
    }

    [TestMethod]
    public void ValuesWithoutAJsonFormAreNull()
    {
        Expect.Bytes(OneValueDocument("temperature_c", "null"), OneValue(SensorQuantity.TemperatureC, double.PositiveInfinity), "+infinity");
        Expect.Bytes(OneValueDocument("temperature_c", "null"), OneValue(SensorQuantity.TemperatureC, double.NegativeInfinity), "-infinity");
        Expect.Bytes(OneValueDocument("temperature_c", "null"), OneValue(SensorQuantity.TemperatureC, 1e300), "1e300");
        Expect.Bytes(OneValueDocument("temperature_c", "null"), OneValue(SensorQuantity.TemperatureC, -1e300), "-1e300");
        Expect.Bytes(OneValueDocument("temperature_c", "null"), OneValue(SensorQuantity.TemperatureC, 9.000000000001e14), "just past 9e15 tenths");
    }

    [TestMethod]
    public void LargeValuesAreWrittenInFullWithoutAnExponent()
    {
        Expect.Bytes(OneValueDocument("temperature_c", "900000000000000.0"), OneValue(SensorQuantity.TemperatureC, 9e14), "9e14");
        Expect.Bytes(OneValueDocument("temperature_c", "-900000000000000.0"), OneValue(SensorQuantity.TemperatureC, -9e14), "-9e14");
        Expect.Bytes(OneValueDocument("pressure_hpa", "123456789.5"), OneValue(SensorQuantity.PressureHpa, 123456789.5), "123456789.5");
        Expect.Bytes(OneValueDocument("pressure_hpa", "0.0"), OneValue(SensorQuantity.PressureHpa, 1e-9), "1e-9");
    }

    [TestMethod]
    public void AQuantityIsWrittenWithItsOwnNumberOfDecimals()
    {
        Expect.Bytes(OneValueDocument("lux", "123457"), OneValue(new SensorQuantity("lux", 0, "lx", "illuminance"), 123456.5), "0 decimals");
        Expect.Bytes(OneValueDocument("v", "-12.35"), OneValue(new SensorQuantity("v", 2, "V", "voltage"), -12.345), "2 decimals");
        Expect.Bytes(OneValueDocument("ppm", "0.005"), OneValue(new SensorQuantity("ppm", 3, "ppm", "co"), 0.0045), "3 decimals");
        Expect.Bytes(OneValueDocument("x", "1.000000"), OneValue(new SensorQuantity("x", 9, "", "x"), 0.9999999), "at most 6 decimals");
    }

    [TestMethod]
    public void SeqAndUptimeGoPastThirtyTwoBits()
    {
        DeviceFixture f = new DeviceFixture();
        f.Tick();
        f.Advance(3000000000000L); // 95 years later: uptime 3e9 s does not fit an int
        Expect.Message(f.Link, 1, Telemetry,
            Ascii.Json("{'seq':2,'uptime_s':3000000000,'sensors':{'dht22':{'temperature_c':21.0,'humidity_pct':40.1}},'errors':{'dht22':0}}"), MqttQos.AtLeastOnce, false);
    }
}
