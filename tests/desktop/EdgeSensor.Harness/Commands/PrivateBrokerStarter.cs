using System;
using EdgeSensor.Desktop.Broker;
using EdgeSensor.Harness.Cli;

namespace EdgeSensor.Harness.Commands;

/// <summary>Starts the mosquitto `run` uses when no --broker is given, turning its failures into one actionable line.</summary>
static class PrivateBrokerStarter
{
    public static PrivateBroker Start()
    {
        try
        {
            return PrivateBroker.StartNew();
        }
        catch (MosquittoNotInstalledException e)
        {
            throw new UserErrorException(e.Message + ", or pass --broker mqtt://host:port to use a broker that is already running");
        }
        catch (BrokerStartException e)
        {
            // The full message carries mosquitto's log tail; its first line says what went wrong.
            string first = e.Message.Split('\n')[0].Trim();
            throw new UserErrorException("could not start a private mosquitto: " + first + " Pass --broker mqtt://host:port to use a running broker instead.");
        }
    }
}
