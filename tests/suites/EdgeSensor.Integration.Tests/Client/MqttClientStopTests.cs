using System;
using System.Threading;
using System.Threading.Tasks;
using EdgeSensor.Mqtt;
using EdgeSensor.Transports;
using Xunit;

namespace EdgeSensor.Integration.Tests.Client;

/// <summary>Stop() racing with the I/O thread, with a transport the test holds at the racy moment.</summary>
public sealed class MqttClientStopTests
{
    static readonly TimeSpan Deadline = RecordingHandler.Deadline;

    [Fact]
    public async Task Stop_while_the_transport_is_opening_ends_the_io_thread_and_closes_the_new_connection()
    {
        var transport = new HeldOpenTransport();
        var options = TestClient.DefaultOptions("stopping");
        var client = new MqttClient(transport, new SystemClock(), options, new RecordingHandler());
        client.Start();
        try
        {
            Assert.True(transport.OpenEntered.Wait(Deadline));

            Task stopping = Task.Run(() => client.Stop((int)Deadline.TotalMilliseconds));
            Assert.True(transport.CloseCalled.Wait(Deadline)); // Stop closed the transport before Open finished...
            transport.FinishOpen.Set();                        // ...and then the connection came up anyway

            // Stop waits for the I/O thread for up to the deadline: finishing well before means the thread ended.
            Task first = await Task.WhenAny(stopping, Task.Delay(Deadline / 3));
            Assert.True(first == stopping, "Stop waited in vain for an I/O thread that kept its connection");
            Assert.False(transport.IsOpen, "the connection opened after Stop was left open");
        }
        finally
        {
            transport.Break(); // should the test fail, the I/O thread still ends (its thread would keep the test host alive)
        }
    }

    [Fact]
    public void The_io_thread_is_a_background_thread_so_a_client_never_stopped_does_not_keep_the_process_alive()
    {
        var transport = new HeldOpenTransport();
        var client = new MqttClient(transport, new SystemClock(), TestClient.DefaultOptions("background"), new RecordingHandler());
        client.Start();
        try
        {
            Assert.True(transport.OpenEntered.Wait(Deadline));
            Assert.True(transport.OpenedOn.IsBackground);
        }
        finally
        {
            transport.Break();
            client.Dispose();
        }
    }

    /// <summary>Open blocks until the test releases it; reads find nothing; writes are accepted.</summary>
    sealed class HeldOpenTransport : IMqttTransport
    {
        int open;
        int broken;

        public ManualResetEventSlim OpenEntered { get; } = new ManualResetEventSlim();

        public ManualResetEventSlim FinishOpen { get; } = new ManualResetEventSlim();

        public ManualResetEventSlim CloseCalled { get; } = new ManualResetEventSlim();

        public bool IsOpen => Volatile.Read(ref open) != 0;

        public Thread OpenedOn { get; private set; }

        public void Open(int timeoutMs)
        {
            OpenedOn = Thread.CurrentThread;
            OpenEntered.Set();
            FinishOpen.Wait(Deadline);
            Volatile.Write(ref open, 1);
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            return IsOpen && Volatile.Read(ref broken) == 0 ? 0 : -1;
        }

        /// <summary>From now on every read fails, ending whatever connection the client believes it has.</summary>
        public void Break()
        {
            Volatile.Write(ref broken, 1);
            FinishOpen.Set();
        }

        public int Write(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (!IsOpen)
            {
                throw new ObjectDisposedException(nameof(HeldOpenTransport));
            }

            return count;
        }

        public void Close()
        {
            Volatile.Write(ref open, 0);
            CloseCalled.Set();
        }
    }
}
