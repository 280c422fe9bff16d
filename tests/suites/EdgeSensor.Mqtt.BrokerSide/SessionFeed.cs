using System;
using EdgeSensor.Mqtt.Session;

namespace EdgeSensor.Mqtt.BrokerSide;

/// <summary>Hands a session bytes a broker sent, from the caller's own array, as a transport reading into it would.</summary>
public static class SessionFeed
{
    /// <summary>Copies bytes in and processes them; returns how many were taken (fewer when input is stalled).</summary>
    public static int Receive(this MqttSession session, byte[] data, int offset, int count, long now)
    {
        int taken = 0;
        while (taken < count && session.State != MqttSessionState.Disconnected)
        {
            int space = session.GetReceiveSpace(out byte[] buffer, out int at);
            if (space == 0) break;
            int n = count - taken < space ? count - taken : space;
            Array.Copy(data, offset + taken, buffer, at, n);
            taken += n;
            session.Received(n, now);
        }
        return taken;
    }
}
