using EdgeSensor.Mqtt;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>
/// Desired settings on <c>settings/desired</c> (device-topics.md): applied whole when newer, reported retained on
/// <c>settings/reported</c>; refused or ignored with an event and nothing changed; an empty document restores the
/// compiled-in settings; the same document again changes nothing.
/// </summary>
[TestClass]
public class SettingsTests
{
    const string Info = DeviceFixture.Base + "/info";
    const string Event = DeviceFixture.Base + "/event";
    const string Telemetry = DeviceFixture.Base + "/telemetry";

    static byte[] InfoDocument(int interval)
    {
        return AnnouncementTests.InfoDocument("null", interval);
    }

    [TestMethod]
    public void NewerIsAppliedAndReported()
    {
        DeviceFixture f = DeviceFixture.Connected();
        SettingsFixture.Desire(f, "{'version':3,'telemetry':{'interval_s':30}}");
        Assert.AreEqual(2, f.Link.Count, "2");
        Expect.Message(f.Link, 0, Info, InfoDocument(30), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 1, SettingsFixture.Reported, SettingsFixture.ReportedDocument(3, 30, SettingsFixture.Dht, SettingsFixture.Relay), MqttQos.AtLeastOnce, true);
        Assert.AreEqual(3, f.Device.SettingsVersion, "v");
    }

    [TestMethod]
    public void CadenceFollowsTheInterval()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Now += 2000;
        SettingsFixture.Desire(f, "{'version':1,'telemetry':{'interval_s':1}}");
        Assert.AreEqual(1, f.Link.CountOn(Telemetry), "due");
        for (int i = 0; i < 3; i++) Assert.AreEqual(1000L, f.Advance(1000), "1 s");
        Assert.AreEqual(4, f.Link.CountOn(Telemetry), "documents");

        SettingsFixture.Desire(f, "{'version':2,'telemetry':{'interval_s':60}}");
        Assert.AreEqual(60000L, f.Tick(), "60 s");
    }

    [TestMethod]
    public void RefusedChangesNothing()
    {
        DeviceFixture f = DeviceFixture.Connected();
        SettingsFixture.Desire(f, "{'version':3,'telemetry':{'interval_s':30},'sensors':[{'name':'nope'}]}");
        Expect.Only(f.Link, Event, Ascii.Json("{'event':'settings_refused','field':'sensors[0].name','problem':'no sensor named \\'nope\\' (known: dht22)'}"),
            MqttQos.AtLeastOnce, false);
        Assert.AreEqual(1, f.Link.Count, "1");
        Assert.AreEqual(0, f.Device.SettingsVersion, "0");
        Assert.AreEqual(10000L - 1, f.Device.Tick(f.Now + 1), "10 s");
    }

    [TestMethod]
    public void OlderOrEqualIsIgnored()
    {
        DeviceFixture f = DeviceFixture.Connected();
        SettingsFixture.Desire(f, "{'version':5,'telemetry':{'interval_s':30}}");
        f.Link.Clear();
        SettingsFixture.Desire(f, "{'version':4,'telemetry':{'interval_s':20}}");
        SettingsFixture.Desire(f, "{'version':5,'telemetry':{'interval_s':20}}");
        Assert.AreEqual(2, f.Link.Count, "2");
        Expect.Message(f.Link, 0, Event, Ascii.Json("{'event':'settings_ignored','version':4,'applied':5}"), MqttQos.AtLeastOnce, false);
        Expect.Message(f.Link, 1, Event, Ascii.Json("{'event':'settings_ignored','version':5,'applied':5}"), MqttQos.AtLeastOnce, false);
        Assert.AreEqual(30000L - 1, f.Device.Tick(f.Now + 1), "30 s");
    }

    [TestMethod]
    public void RunningPutBackIsSilent()
    {
        DeviceFixture f = DeviceFixture.Connected();
        SettingsFixture.Desire(f, "{'version':5}");
        SettingsFixture.Desire(f, "{'version':6,'id':'x'}");
        f.Link.Clear();
        SettingsFixture.Desire(f, "{'version':5}");
        Assert.AreEqual(0, f.Link.Count, "0");
    }

    [TestMethod]
    public void ReconnectReportsThemAndTheSameAgainIsSilent()
    {
        DeviceFixture f = DeviceFixture.Connected();
        SettingsFixture.Desire(f, "{'version':5,'telemetry':{'interval_s':30}}");
        f.Link.Clear();
        f.Device.OnDisconnected(MqttError.TransportClosed, MqttConnectReturnCode.Accepted);
        f.Connect();
        Expect.Only(f.Link, SettingsFixture.Reported, SettingsFixture.ReportedDocument(5, 30, SettingsFixture.Dht, SettingsFixture.Relay), MqttQos.AtLeastOnce, true);
        f.Link.Clear();
        SettingsFixture.Desire(f, "{'version':5,'telemetry':{'interval_s':30}}"); // the retained document, after the connect
        Assert.AreEqual(0, f.Link.Count, "0");
        Assert.AreEqual(5, f.Device.SettingsVersion, "v");
    }

    [TestMethod]
    public void EmptyRestoresCompiledIn()
    {
        DeviceFixture f = DeviceFixture.Connected();
        SettingsFixture.Desire(f, "{'version':5,'telemetry':{'interval_s':30}}");
        f.Link.Clear();
        f.Receive(SettingsFixture.Desired, new byte[0], false);
        f.Tick();
        Assert.AreEqual(2, f.Link.Count, "2");
        Expect.Message(f.Link, 0, Info, InfoDocument(10), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 1, SettingsFixture.Reported, SettingsFixture.CompiledIn, MqttQos.AtLeastOnce, true);

        f.Link.Clear();
        f.Receive(SettingsFixture.Desired, new byte[0], false);
        f.Tick();
        SettingsFixture.Desire(f, "{'version':1,'telemetry':{'interval_s':20}}");
        Assert.AreEqual(2, f.Link.Count, "2");
        Assert.AreEqual(1, f.Device.SettingsVersion, "v");
    }

    [TestMethod]
    public void ChunksAreJoined()
    {
        DeviceFixture f = DeviceFixture.Connected();
        byte[] document = Ascii.Json("{'version':2,'telemetry':{'interval_s':45}}");
        byte[] topic = Ascii.Bytes(SettingsFixture.Desired);
        byte[] first = new byte[10];
        byte[] rest = new byte[document.Length - 10];
        System.Array.Copy(document, first, 10);
        System.Array.Copy(document, 10, rest, 0, rest.Length);
        f.ReceiveChunk(topic, first, 0, document.Length, true);
        f.Tick();
        Assert.AreEqual(0, f.Link.Count, "0");
        f.ReceiveChunk(topic, rest, 10, document.Length, true);
        f.Tick();
        Expect.Only(f.Link, SettingsFixture.Reported, SettingsFixture.ReportedDocument(2, 45, SettingsFixture.Dht, SettingsFixture.Relay), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void AboveTheLimitIsRefused()
    {
        DeviceFixture f = DeviceFixture.Connected();
        byte[] topic = Ascii.Bytes(SettingsFixture.Desired);
        byte[] chunk = new byte[1000];
        for (int at = 0; at < 3000; at += 1000) f.ReceiveChunk(topic, chunk, at, 3000, true);
        f.Tick();
        Expect.Only(f.Link, Event, Ascii.Json("{'event':'settings_refused','field':'(document)','problem':'expected at most 2048 bytes, got 3000'}"), MqttQos.AtLeastOnce, false);
        Assert.AreEqual(1, f.Link.Count, "1");
    }

    [TestMethod]
    public void SensorOffIsNotRead()
    {
        DeviceFixture f = DeviceFixture.Connected();
        SettingsFixture.Desire(f, "{'version':1,'sensors':[{'name':'dht22','enabled':false}]}");
        Expect.Only(f.Link, SettingsFixture.Reported, SettingsFixture.ReportedDocument(1, 10, "'enabled':false,'change':0.0", SettingsFixture.Relay), MqttQos.AtLeastOnce, true);
        int reads = f.Dht.Reads;
        f.Advance(10000);
        Expect.Only(f.Link, Telemetry, Ascii.Json("{'seq':2,'uptime_s':10,'sensors':{},'errors':{}}"), MqttQos.AtLeastOnce, false);
        Assert.AreEqual(reads, f.Dht.Reads, "reads");
    }

    [TestMethod]
    public void ChangePublishesEarly()
    {
        DeviceFixture f = DeviceFixture.Connected();
        SettingsFixture.Desire(f, "{'version':1,'telemetry':{'min_interval_s':1},'sensors':[{'name':'dht22','change':0.5}]}");
        f.Link.Clear();
        f.Dht.Temperature = 21.44; // 21.4: moved 0.4 from the 21.0 last published
        Assert.AreEqual(1000L, f.Advance(1000), "1 s");
        f.Advance(1000);
        Assert.AreEqual(0, f.Link.CountOn(Telemetry), "0");
        f.Dht.Temperature = 21.5;
        f.Advance(1000);
        f.Advance(1000); // a DHT22 is read every 2 s at most
        Assert.AreEqual(1, f.Link.CountOn(Telemetry), "1");
        for (int i = 0; i < 9; i++) f.Advance(1000);
        Assert.AreEqual(1, f.Link.CountOn(Telemetry), "1");
        f.Advance(1000);
        Assert.AreEqual(2, f.Link.CountOn(Telemetry), "2");
    }

    [TestMethod]
    public void UncommandedFollowSafeState()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Receive(DeviceFixture.Base + "/cmd/relay1", "ON");
        f.Tick();
        f.Link.Clear();
        SettingsFixture.Desire(f, "{'version':1,'actuators':[{'name':'led','safe_state':50},{'name':'relay1','safe_state':'off','display_name':'Pump'}]}");
        Assert.AreEqual(50, f.Led.Percent, "led");
        Assert.IsFalse(f.Relay.Level, "relay");
        Expect.Only(f.Link, DeviceFixture.Base + "/state/led", Ascii.Bytes("50"), MqttQos.AtLeastOnce, true);
        Assert.AreEqual(0, f.Link.CountOn(DeviceFixture.Base + "/state/relay1"), "0");
    }

    [TestMethod]
    public void RefusedSubscriptionIsNotDeaf()
    {
        DeviceFixture f = new DeviceFixture();
        f.Device.OnConnected(false);
        f.Device.OnSubscribeResult(1, MqttSubscribeResult.Failure);
        f.Tick();
        Assert.AreEqual(1, f.Link.CountOn(DeviceFixture.Base + "/status"), "1");
    }

    [TestMethod]
    public void QosFollows()
    {
        DeviceFixture f = DeviceFixture.Connected();
        SettingsFixture.Desire(f, "{'version':1,'telemetry':{'qos':0}}");
        f.Link.Clear();
        f.Advance(10000);
        Assert.AreEqual((int)MqttQos.AtMostOnce, (int)f.Link[f.Link.IndexOf(Telemetry)].Qos, "qos");
    }
}
