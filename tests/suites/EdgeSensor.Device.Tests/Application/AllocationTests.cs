using System;
using EdgeSensor.Device.Actuators;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Sensors;
using EdgeSensor.Mqtt;
using EdgeSensor.Mqtt.BrokerSide;
using EdgeSensor.Mqtt.Codec;
using EdgeSensor.Mqtt.Session;
using Xunit;

namespace EdgeSensor.Device.Tests.Application;

/// <summary>Steady-state telemetry and command handling allocate nothing, down to the bytes the session writes.</summary>
[Collection(EdgeSensor.Device.Tests.AllocationCollection.Name)]
public class AllocationTests
{
    /// <summary>An MQTT link straight onto a real session, drained as a transport would, on one thread.</summary>
    sealed class SessionLink : IMqttLink, IMqttSessionHandler
    {
        public readonly MqttSession Session;
        public IMqttSessionHandler Device;
        readonly byte[] scratch = new byte[64];
        readonly MqttPacket packet = new();

        public SessionLink()
        {
            Session = new MqttSession(new MqttSessionOptions { SendBufferSize = 2048, OutboxSize = 8192 }, this);
        }

        public MqttPublishResult Publish(byte[] topic, byte[] payload, int offset, int count, MqttQos qos, bool retain) =>
            Session.Publish(topic, 0, topic.Length, payload, offset, count, qos, retain);

        public int Subscribe(string filter, MqttQos qos) => Session.Subscribe(filter, qos);

        /// <summary>Writes everything out and acknowledges every QoS 1 PUBLISH, like a broker.</summary>
        public void Drain()
        {
            int count = Session.GetOutput(out byte[] buffer, out int offset);
            int end = offset + count;
            int position = offset;
            int acks = 0;
            Span<int> ids = stackalloc int[64];
            while (position < end)
            {
                MqttDecoder.TryReadFixedHeader(buffer, position, end - position, out int first, out int remaining);
                int header = 1 + RemainingLength.SizeOf(remaining);
                if ((first >> 4) == (int)MqttPacketType.Publish && ((first >> 1) & 3) == 1)
                {
                    MqttDecoder.DecodePublishHeader(buffer, position + header, remaining, first & 0xF, remaining, packet, out _);
                    ids[acks++] = packet.PacketId;
                }
                position += header + remaining;
            }
            Session.OutputWritten(count, 0);
            for (int i = 0; i < acks; i++) Session.Receive(scratch, 0, MqttEncoder.Ack(scratch, 0, MqttPacketType.Puback, ids[i]), 0);
        }

        public void OnConnected(bool sessionPresent) => Device.OnConnected(sessionPresent);
        public void OnDisconnected(MqttError reason, MqttConnectReturnCode returnCode) => Device.OnDisconnected(reason, returnCode);
        public void OnMessage(MqttMessage message) => Device.OnMessage(message);
        public void OnSubscribeResult(int subscriptionIndex, int returnCode) { }

        public void OnUnsubscribed(int subscriptionIndex) { }

        public void OnPublishCompleted(int messageId, MqttPublishOutcome outcome) { }
    }

    /// <summary>Bytes this thread allocates over 1,000 cycles, after 50 that warm up (JIT, first-time paths).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    static long AllocatedByAThousand(Action<int> cycle)
    {
        for (int i = 0; i < 50; i++) cycle(i);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) cycle(i);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>A sample device on a real session, connected and acknowledged: what each test measures.</summary>
    static EdgeDevice Connected(DeviceFixture f, SessionLink link)
    {
        var device = new EdgeDevice(f.Config, "1.0.0", new ISensor[] { new DhtSensor("dht22", f.Dht, SensorKind.Dht22) },
            new Actuator[] { new RelayActuator(f.Config.Actuators[0], f.Relay), new PwmActuator(f.Config.Actuators[1], f.Led) });
        link.Device = device;
        device.Attach(link);
        var scratch = new byte[128];
        link.Session.Connect(device.CreateConnectOptions(), 0);
        link.Drain();
        link.Session.Receive(scratch, 0, BrokerEncoder.Connack(scratch, 0, false, MqttConnectReturnCode.Accepted), 0);
        return device;
    }

    [Fact]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] // measured code is compiled once, optimised: no tiering or on-stack replacement allocating mid-measurement
    public void ThousandTelemetryDocumentsAndCommands_AllocateNothing()
    {
        var f = new DeviceFixture();
        var link = new SessionLink { Device = f.Device };
        EdgeDevice device = Connected(f, link);
        var command = new byte[128];
        int commandLength = MqttEncoder.Publish(command, 0, "edgesensor/dev1/cmd/relay1", 1, MqttQos.AtLeastOnce, false, false, "TOGGLE"u8.ToArray(), 0, 6);

        long now = 0;
        void Cycle(int i)
        {
            now += 10_000;
            f.Dht.Temperature = 20 + i % 10;
            link.Session.Receive(command, 0, commandLength, now);
            device.Tick(now);
            link.Drain();
        }

        int relayWrites = f.Relay.Writes;
        long published = device.TelemetryPublished;

        Assert.Equal(0, AllocatedByAThousand(Cycle));
        Assert.Equal(published + 1050, device.TelemetryPublished);
        Assert.Equal(relayWrites + 1050, f.Relay.Writes); // every TOGGLE applied
        Assert.Equal(0, link.Session.OutboxCount);
    }

    /// <summary>A battery board's wake after start-up: commands, telemetry, the readiness the host polls and the wake cycle allocate nothing.</summary>
    [Fact]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void TheBatteryWakeCycle_AllocatesNothing()
    {
        var f = new DeviceFixture();
        f.Config.Battery = true;
        var link = new SessionLink();
        var device = new EdgeDevice(f.Config, "1.0.0", new ISensor[] { new DhtSensor("dht22", f.Dht, SensorKind.Dht22) },
            new Actuator[] { new RelayActuator(f.Config.Actuators[0], f.Relay), new PwmActuator(f.Config.Actuators[1], f.Led) });
        link.Device = device;
        device.Wake(true, 1767225600);
        device.Attach(link);
        var cycle = new EdgeSensor.Device.Power.WakeCycle(f.Config.TelemetryIntervalSeconds, f.Config.AwakeLimitSeconds);
        cycle.Begin(0);
        var scratch = new byte[128];
        link.Session.Connect(device.CreateConnectOptions(), 0);
        link.Drain();
        link.Session.Receive(scratch, 0, BrokerEncoder.Connack(scratch, 0, true, MqttConnectReturnCode.Accepted), 0);
        var command = new byte[128];
        int commandLength = MqttEncoder.Publish(command, 0, "edgesensor/dev1/cmd/relay1", 1, MqttQos.AtLeastOnce, false, false, "TOGGLE"u8.ToArray(), 0, 6);

        long now = 0;
        int ready = 0;
        void Cycle()
        {
            now += 10;
            link.Session.Receive(command, 0, commandLength, now);
            device.Tick(now);
            link.Drain();
            if (cycle.Next(now, device.ReadyToSleep, link.Session.OutboxCount == 0) == EdgeSensor.Device.Power.WakeStep.Disconnect) ready++;
        }

        for (int i = 0; i < 50; i++) Cycle();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Cycle();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1050, ready); // each command applied, its state acknowledged: ready again every time
    }

    /// <summary>
    /// A settings document allocates when it arrives (it is read once); the telemetry cycles after it, with a sensor
    /// turned off, change thresholds publishing early and a shorter reading interval, allocate nothing.
    /// </summary>
    [Fact]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void ThousandTelemetryCyclesAfterASettingsDocument_AllocateNothing()
    {
        var f = new DeviceFixture();
        var link = new SessionLink { Device = f.Device };
        EdgeDevice device = Connected(f, link);
        byte[] settings = "{\"version\":7,\"telemetry\":{\"interval_s\":20,\"qos\":0,\"min_interval_s\":5},\"sensors\":[{\"name\":\"dht22\",\"change\":0.5}],\"actuators\":[{\"name\":\"relay1\",\"display_name\":\"Pump\"}]}"u8.ToArray();
        var message = new byte[512];
        int length = MqttEncoder.Publish(message, 0, "edgesensor/dev1/settings/desired", 2, MqttQos.AtLeastOnce, false, true, settings, 0, settings.Length);
        link.Session.Receive(message, 0, length, 0);
        device.Tick(0);
        link.Drain();
        Assert.Equal(7, device.SettingsVersion);

        long now = 0;
        void Cycle(int i)
        {
            now += 5_000;
            f.Dht.Temperature = 20 + (i % 4 == 0 ? 1 : 0); // moves past the threshold every other round: documents early and on time
            device.Tick(now);
            link.Drain();
        }

        long published = device.TelemetryPublished;

        Assert.Equal(0, AllocatedByAThousand(Cycle));
        Assert.InRange(device.TelemetryPublished - published, 300, 650); // documents early and on time; a DHT22 is read every 2 s at most: each round reads it
    }
}
