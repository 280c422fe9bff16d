using EdgeSensor.Mqtt;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Application;

/// <summary>
/// What the device tells operators about its connection: after a reconnect, a <c>disconnected</c> event naming why
/// it was offline (the MqttError, the last failed attempt, the CONNACK code of a refusal); when the broker refuses
/// the command subscription (SUBACK 0x80), <c>deaf</c> on its status and a <c>subscribe_refused</c> event.
/// </summary>
[TestClass]
public class ConnectionReportTests
{
    const string Event = DeviceFixture.Base + "/event";
    const string Status = DeviceFixture.Base + "/status";

    static byte[] Offline(string rest)
    {
        return Ascii.Json("{'event':'disconnected','reason':" + rest + "}");
    }

    /// <summary>A connected device loses its connection as <paramref name="reason"/> says, then reconnects.</summary>
    static DeviceFixture Reconnected(MqttError reason, MqttConnectReturnCode code)
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Device.OnDisconnected(reason, code);
        f.Connect();
        return f;
    }

    static void AssertOneEvent(DeviceFixture f, byte[] expected)
    {
        Assert.AreEqual(1, f.Link.CountOn(Event), "one event");
        Expect.Message(f.Link, f.Link.IndexOf(Event), Event, expected, MqttQos.AtLeastOnce, false);
    }

    [TestMethod]
    [DataRow((int)MqttError.KeepAliveTimeout, "'KeepAliveTimeout'")]
    [DataRow((int)MqttError.TransportClosed, "'TransportClosed'")]
    [DataRow((int)MqttError.MalformedRemainingLength, "'MalformedRemainingLength'")]
    [DataRow((int)MqttError.ReservedFlags, "'ReservedFlags'")]
    [DataRow((int)MqttError.UnexpectedPacket, "'UnexpectedPacket'")]
    [DataRow((int)MqttError.ConnectFailed, "'ConnectFailed'")]
    public void AReconnectSaysWhyTheConnectionEnded(int reason, string name)
    {
        AssertOneEvent(Reconnected((MqttError)reason, MqttConnectReturnCode.Accepted), Offline(name));
    }

    [TestMethod]
    [DataRow(1, "'UnacceptableProtocolVersion'")]
    [DataRow(2, "'IdentifierRejected'")]
    [DataRow(3, "'ServerUnavailable'")]
    [DataRow(4, "'BadUserNameOrPassword'")]
    [DataRow(5, "'NotAuthorized'")]
    public void ARefusalIsNamedWithItsConnackCode(int code, string name)
    {
        AssertOneEvent(Reconnected(MqttError.ConnectionRefused, (MqttConnectReturnCode)code), Offline("'ConnectionRefused','code':" + name));
    }

    [TestMethod]
    public void FailedAttemptsAfterTheLossAreSummedUpByTheLastOne()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Device.OnDisconnected(MqttError.KeepAliveTimeout, MqttConnectReturnCode.Accepted);
        f.Device.OnDisconnected(MqttError.ConnectionRefused, MqttConnectReturnCode.NotAuthorized);
        f.Device.OnDisconnected(MqttError.ConnectFailed, MqttConnectReturnCode.Accepted);
        f.Connect();
        AssertOneEvent(f, Offline("'KeepAliveTimeout','last':'ConnectFailed','code':'NotAuthorized'"));
    }

    [TestMethod]
    public void TheReasonIsToldOnceAndNotAfterTheNextCleanReconnect()
    {
        DeviceFixture f = Reconnected(MqttError.TransportClosed, MqttConnectReturnCode.Accepted);
        f.Link.Clear();
        f.Advance(20000);
        Assert.AreEqual(0, f.Link.CountOn(Event), "not repeated by the loop");
        f.Device.OnDisconnected(MqttError.ClosedByClient, MqttConnectReturnCode.Accepted);
        f.Connect();
        Assert.AreEqual(0, f.Link.CountOn(Event), "a disconnect the device asked for needs no explanation");
    }

    [TestMethod]
    public void AnEventThatFoundTheOutboxFullIsRetried()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Device.OnDisconnected(MqttError.KeepAliveTimeout, MqttConnectReturnCode.Accepted);
        f.Link.Budget = 2; // online and info go out, then the outbox is full
        f.Connect();
        Assert.AreEqual(0, f.Link.CountOn(Event), "no room yet");
        f.Link.Budget = -1;
        f.Advance(100);
        AssertOneEvent(f, Offline("'KeepAliveTimeout'"));
    }

    [TestMethod]
    public void ARefusedCommandSubscriptionMakesTheDeviceDeafVisibly()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Device.OnSubscribeResult(0, MqttSubscribeResult.Failure);
        f.Tick();
        Assert.AreEqual(2, f.Link.Count, "status and event");
        Expect.Message(f.Link, 0, Status, Ascii.Bytes("deaf"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, 1, Event, Ascii.Json("{'event':'subscribe_refused','filter':'edgesensor/dev1/cmd/+'}"), MqttQos.AtLeastOnce, false);
        f.Link.Clear();
        f.Advance(100);
        Assert.AreEqual(0, f.Link.CountOn(Status), "told once");
    }

    [TestMethod]
    public void DeafFollowsOnlineWhenTheSubackCameBeforeTheAnnouncement()
    {
        DeviceFixture f = new DeviceFixture();
        f.Device.OnConnected(false);
        f.Device.OnSubscribeResult(0, MqttSubscribeResult.Failure);
        f.Tick();
        int online = f.Link.IndexOf(Status);
        Expect.Message(f.Link, online, Status, Ascii.Bytes("online"), MqttQos.AtLeastOnce, true);
        Expect.Message(f.Link, f.Link.IndexOf(Status, online + 1), Status, Ascii.Bytes("deaf"), MqttQos.AtLeastOnce, true);
    }

    [TestMethod]
    public void AGrantedSubscriptionAfterAReconnectEndsDeafness()
    {
        DeviceFixture f = DeviceFixture.Connected();
        f.Device.OnSubscribeResult(0, MqttSubscribeResult.Failure);
        f.Tick();
        f.Device.OnDisconnected(MqttError.TransportClosed, MqttConnectReturnCode.Accepted);
        f.Link.Clear();
        f.Device.OnConnected(false);
        Assert.AreEqual(3, f.Link.SubscriptionCount, "asked again");
        Assert.AreEqual(DeviceFixture.Base + "/cmd/+", f.Link.Subscription(2), "the commands");
        f.Device.OnSubscribeResult(0, 1);
        f.Tick();
        Expect.Only(f.Link, Status, Ascii.Bytes("online"), MqttQos.AtLeastOnce, true);
        Assert.AreEqual(1, f.Link.CountOn(Event), "the disconnected event only, no subscribe_refused");
        f.Device.OnDisconnected(MqttError.TransportClosed, MqttConnectReturnCode.Accepted);
        f.Device.OnConnected(false);
        Assert.AreEqual(3, f.Link.SubscriptionCount, "not again");
    }
}
