using EdgeSensor.Device.Config;
using EdgeSensor.Mqtt;
using EdgeSensor.NanoTests.Sensors;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>
/// What the device says about itself (device-topics.md): safe states before any network, the offline will,
/// and after every connect <c>status</c> online, <c>info</c>, discovery, the reported settings, the retained states, and once per boot a boot event.
/// </summary>
[TestClass]
public class AnnouncementTests
{
    const string Status = DeviceFixture.Base + "/status";
    const string Info = DeviceFixture.Base + "/info";
    const string Event = DeviceFixture.Base + "/event";
    const string Telemetry = DeviceFixture.Base + "/telemetry";
    const string Reported = DeviceFixture.Base + "/settings/reported";
    const string RelayState = DeviceFixture.Base + "/state/relay1";
    const string LedState = DeviceFixture.Base + "/state/led";

    static readonly byte[] Boot = Ascii.Json("{'event':'boot','fw':'1.2.3'}");

    internal static byte[] InfoDocument(string ip)
    {
        return InfoDocument(ip, 10);
    }

    internal static byte[] InfoDocument(string ip, int interval)
    {
        return Ascii.Json("{'id':'dev1','fw':'1.2.3','board':'esp32-devkitc','ip':" + ip + ",'sensors':['dht22'],'actuators':['relay1','led'],'telemetry_s':" + interval.ToString() + "}");
    }

    [TestMethod]
    public void SafeStatesAreAppliedBeforeAnyNetwork()
    {
        DeviceFixture f = new DeviceFixture();
        Assert.IsTrue(f.Relay.Written && f.Relay.Level, "relay off on an active-low module = pin high");
        Assert.AreEqual(1, f.Relay.Writes, "relay written once");
        Assert.AreEqual(5, f.Led.Percent, "led at its safe duty");
        Assert.AreEqual(0, f.Link.Count, "nothing published");
    }

    [TestMethod]
    public void ASafeOnRelayIsSwitchedOnAtBoot()
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.Actuators[0].SafeOn = true;
        config.Actuators[0].ActiveLow = false;
        DeviceFixture f = new DeviceFixture(config);
        Assert.IsTrue(f.Relay.Written && f.Relay.Level, "active-high relay on = pin high");
        f.Connect();
        Expect.Only(f.Link, RelayState, Ascii.Bytes("ON"), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void ConnectOptionsCarryTheOfflineWill()
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.Broker.UserName = "u";
        config.Broker.Password = "s3cret";
        config.KeepAliveSeconds = 15;
        DeviceFixture f = new DeviceFixture(config);
        MqttConnectOptions connect = f.Device.CreateConnectOptions();
        Assert.AreEqual("dev1", connect.ClientId, "client id");
        Assert.AreEqual(Status, connect.WillTopic, "will topic");
        Expect.Bytes(Ascii.Bytes("offline"), connect.WillPayload, "will payload");
        Assert.AreEqual((int)MqttQos.AtLeastOnce, (int)connect.WillQos, "will QoS");
        Assert.IsTrue(connect.WillRetain, "will retained");
        Assert.AreEqual(15, (int)connect.KeepAliveSeconds, "keepalive");
        Assert.AreEqual("u", connect.UserName, "user name");
        Expect.Bytes(Ascii.Bytes("s3cret"), connect.Password, "password");
        Assert.IsTrue(connect.CleanSession, "clean session: the subscription is made again on every connect");
    }

    [TestMethod]
    public void ConnectOptionsWithoutCredentialsHaveNone()
    {
        MqttConnectOptions connect = new DeviceFixture().Device.CreateConnectOptions();
        Assert.IsNull(connect.UserName, "user name");
        Assert.IsNull(connect.Password, "password");
    }

    [TestMethod]
    public void SessionOptionsHoldTheLargestAnnouncements()
    {
        MqttSessionOptions session = new DeviceFixture().Device.CreateSessionOptions();
        Assert.AreEqual(2048, session.SendBufferSize, "send buffer");
        Assert.AreEqual(8192, session.OutboxSize, "outbox");
    }

    [TestMethod]
    public void AttachSubscribesToCommandsAndDesiredSettings()
    {
        DeviceFixture f = new DeviceFixture();
        Assert.AreEqual(2, f.Link.SubscriptionCount, "subscriptions");
        Assert.AreEqual(DeviceFixture.Base + "/cmd/+", f.Link.Subscription(0), "filter");
        Assert.AreEqual((int)MqttQos.AtLeastOnce, (int)f.Link.SubscriptionQos(0), "QoS");
        Assert.AreEqual(DeviceFixture.Base + "/settings/desired", f.Link.Subscription(1), "settings");
        Assert.AreEqual((int)MqttQos.AtLeastOnce, (int)f.Link.SubscriptionQos(1), "settings QoS");
    }

    [TestMethod]
    public void NothingIsAnnouncedBeforeAConnect()
    {
        DeviceFixture f = new DeviceFixture();
        f.Tick();
        Assert.AreEqual(1, f.Link.Count, "telemetry only");
        Assert.AreEqual(Telemetry, f.Link[0].Topic, "telemetry");
    }

    [TestMethod]
    public void AfterTheFirstConnectOnlineInfoSettingsBootAndStatesArePublishedInOrder()
    {
        DeviceFixture f = new DeviceFixture();
        f.Device.IpAddress = "10.0.0.7";
        f.Connect();
        Assert.AreEqual(7, f.Link.Count, "messages");
        Expect.Message(f.Link, 0, Status, Ascii.Bytes("online"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 1, Info, InfoDocument("'10.0.0.7'"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 2, Reported, SettingsFixture.CompiledIn, MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 3, Event, Boot, MqttQos.AtLeastOnce, false);
        Expect.Message(f.Link, 4, RelayState, Ascii.Bytes("OFF"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 5, LedState, Ascii.Bytes("5"), MqttQos.AtLeastOnce, true);
        Assert.AreEqual(Telemetry, f.Link[6].Topic, "then the first telemetry");
    }

    [TestMethod]
    public void AfterEveryReconnectOnlineInfoWhyAndStatesArePublishedButBootOnlyOnce()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Device.OnDisconnected(MqttError.TransportClosed, MqttConnectReturnCode.Accepted);
        f.Device.IpAddress = "192.168.1.20";
        f.Connect();
        Assert.AreEqual(6, f.Link.Count, "messages");
        Expect.Message(f.Link, 0, Status, Ascii.Bytes("online"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 1, Info, InfoDocument("'192.168.1.20'"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 2, Reported, SettingsFixture.CompiledIn, MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 3, Event, Ascii.Json("{'event':'disconnected','reason':'TransportClosed'}"), MqttQos.AtLeastOnce, false);
        Expect.Message(f.Link, 4, RelayState, Ascii.Bytes("OFF"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 5, LedState, Ascii.Bytes("5"), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void InfoWithoutAnAddressHasANullIp()
    {
        DeviceFixture f = new DeviceFixture();
        f.Connect();
        Expect.Only(f.Link, Info, InfoDocument("null"), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void InfoNeverCarriesASecret()
    {
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.Broker.Password = "s3cret";
        config.Wifi.Password = "wifipass";
        config.Board = "lolin32";
        DeviceFixture f = new DeviceFixture(config);
        f.Connect();
        Expect.Only(f.Link, Info, Ascii.Json("{'id':'dev1','fw':'1.2.3','board':'lolin32','ip':null,'sensors':['dht22'],'actuators':['relay1','led'],'telemetry_s':10}"),
            MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void InfoWritesTextBeyondAsciiAsUtf8AndEscapesQuotes()
    {
        // A board name with an accented letter, an emoji (a surrogate pair) and a quote: UTF-8 bytes, the quote escaped.
        DeviceConfig config = DeviceFixture.SampleConfig();
        config.Board = "b\u00E9\uD83D\uDE00\"q";
        DeviceFixture f = new DeviceFixture(config);
        f.Connect();
        Expect.Only(f.Link, Info, Expect.Join(
            Ascii.Json("{'id':'dev1','fw':'1.2.3','board':'b"), Hex.Bytes("C3A9F09F9880"), Ascii.Bytes("\\\"q\""),
            Ascii.Json(",'ip':null,'sensors':['dht22'],'actuators':['relay1','led'],'telemetry_s':10}")), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void AFullOutboxDelaysAnnouncementsWithoutLosingThem()
    {
        DeviceFixture f = new DeviceFixture();
        f.Link.Answer = MqttPublishResult.OutboxFull;
        f.Device.OnConnected(false);
        long due = f.Tick();
        Assert.IsTrue(due <= 100, "retries soon");
        Assert.AreEqual(0, f.Link.Count, "nothing went out");

        // The retry publishes the states marked at the connect first, then the announcements from where they stopped.
        f.Link.Answer = MqttPublishResult.Accepted;
        f.Advance(due);
        Assert.AreEqual(6, f.Link.Count, "messages");
        Expect.Message(f.Link, 0, RelayState, Ascii.Bytes("OFF"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 1, LedState, Ascii.Bytes("5"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 2, Status, Ascii.Bytes("online"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 3, Info, InfoDocument("null"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 4, Reported, SettingsFixture.CompiledIn, MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 5, Event, Boot, MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    public void AFullSendBufferDelaysAnnouncementsToo()
    {
        DeviceFixture f = new DeviceFixture();
        f.Link.Answer = MqttPublishResult.SendBufferFull;
        f.Device.OnConnected(false);
        Assert.IsTrue(f.Tick() <= 100, "retries soon");
        f.Link.Answer = MqttPublishResult.Accepted;
        f.Advance(100);
        Expect.Message(f.Link, 2, Status, Ascii.Bytes("online"), MqttQos.AtLeastOnce, true);
        Assert.AreEqual(6, f.Link.Count, "all of it");
    }

    [TestMethod]
    public void AnnouncementsResumeWhereTheOutboxFilledUp()
    {
        DeviceFixture f = new DeviceFixture();
        f.Link.Budget = 2;
        f.Device.OnConnected(false);
        Assert.IsTrue(f.Tick() <= 100, "retries soon");
        Assert.AreEqual(2, f.Link.Count, "status and info went out");
        f.Link.Clear();
        f.Link.Budget = -1;
        f.Advance(100);
        Assert.AreEqual(4, f.Link.Count, "the rest, without repeating the first two");
        Expect.Message(f.Link, 0, RelayState, Ascii.Bytes("OFF"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 1, LedState, Ascii.Bytes("5"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 2, Reported, SettingsFixture.CompiledIn, MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 3, Event, Boot, MqttQos.AtLeastOnce, false);
        Assert.AreEqual(10000L - 100, f.Tick(), "done: nothing pending, next telemetry due");
    }

    [TestMethod]
    public void PublishOfflineIsTheRetainedStatus()
    {
        DeviceFixture f = new DeviceFixture();
        Assert.AreEqual((int)MqttPublishResult.Accepted, (int)f.Device.PublishOffline(), "result");
        Assert.AreEqual(1, f.Link.Count, "one message");
        Expect.Message(f.Link, 0, Status, Ascii.Bytes("offline"), MqttQos.AtLeastOnce, true);
    }
}
