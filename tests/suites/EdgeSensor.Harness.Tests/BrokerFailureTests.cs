using System.Diagnostics;
using Xunit;
using static EdgeSensor.Harness.Tests.HostileBroker;

namespace EdgeSensor.Harness.Tests;

/// <summary>
/// Issue 12, point 3: a broker that refuses, closes or stays silent is named by what it did, at once, with exit code 5
/// (the broker's doing, docs/reliability.md), for the harness's own connection (`send`) and for the device's (`run`).
/// </summary>
public sealed class BrokerFailureTests
{
    /// <summary>Each CONNACK refusal [MQTT-3.2.2.3] by its code and name; only 4 and 5 are about credentials.</summary>
    [Theory]
    [InlineData(1, "CONNACK 1, unacceptable protocol version")]
    [InlineData(2, "CONNACK 2, identifier rejected")]
    [InlineData(3, "CONNACK 3, server unavailable")]
    [InlineData(4, "CONNACK 4, bad user name or password")]
    [InlineData(5, "CONNACK 5, not authorized")]
    public void Send_names_each_connack_refusal_and_exits_5(int code, string named)
    {
        using var broker = new HostileBroker(RefuseWith(code));
        var result = HarnessProcess.Run("send", "sim-001", "relay1", "ON", "--broker", broker.Url);
        ErrorLine.Assert(result, 5, "refused the harness: " + named);
    }

    /// <summary>The device's own connection is refused while the harness's is served: the device's refusal is named too.</summary>
    [Theory]
    [InlineData(1, "CONNACK 1, unacceptable protocol version")]
    [InlineData(2, "CONNACK 2, identifier rejected")]
    [InlineData(3, "CONNACK 3, server unavailable")]
    public void Run_names_the_refusal_of_the_device_not_a_credentials_problem(int code, string named)
    {
        using var broker = new HostileBroker(clientId => clientId == "sim-001" ? RefuseWith(code) : Behaviour.Serve);
        var result = HarnessProcess.Run("run", "--broker", broker.Url);
        ErrorLine.Assert(result, 5, "refused device sim-001: " + named);
        Assert.DoesNotContain("--username", result.Output);
    }

    /// <summary>A close before CONNACK is reported as such at once, not after a generic timeout.</summary>
    [Fact]
    public void A_broker_that_closes_before_connack_is_named_at_once_and_exits_5()
    {
        using var broker = new HostileBroker(Behaviour.CloseBeforeConnack);
        var clock = Stopwatch.StartNew();
        var result = HarnessProcess.Run("send", "sim-001", "relay1", "ON", "--broker", broker.Url);
        ErrorLine.Assert(result, 5, "closed the connection of the harness before accepting it (no CONNACK)");
        // The first close decides: well under the client's 10 s connect timeout (process start-up included).
        Assert.InRange(clock.ElapsedMilliseconds, 0, 8000);
    }

    /// <summary>A broker that accepts the TCP connection and never answers is named by the connect timeout it ran out.</summary>
    [Fact]
    public void A_broker_that_never_answers_is_named_by_its_missing_connack_and_exits_5()
    {
        using var broker = new HostileBroker(Behaviour.NeverAnswer);
        var result = HarnessProcess.Run("send", "sim-001", "relay1", "ON", "--broker", broker.Url);
        ErrorLine.Assert(result, 5, "accepted the connection of the harness but sent no CONNACK within 10 s");
    }

    /// <summary>
    /// [MQTT-3.2.2-1]: after a clean-session CONNECT the broker must answer session present 0. One that claims a session
    /// would make the client skip its SUBSCRIBEs; the client closes the connection as a protocol error instead.
    /// </summary>
    [Fact]
    public void A_connack_claiming_a_session_after_a_clean_session_connect_is_a_protocol_error_MQTT_3_2_2_1()
    {
        using var broker = new HostileBroker(Behaviour.ClaimSession);
        var result = HarnessProcess.Run("send", "sim-001", "relay1", "ON", "--broker", broker.Url);
        ErrorLine.Assert(result, 5, "broke the MQTT protocol with the harness (UnexpectedPacket");
    }
}
