using System;
using System.Globalization;
using EdgeSensor.Device.Config;
using EdgeSensor.Device.Documents;

namespace EdgeSensor.Desktop.Fleet;

/// <summary>Each fleet member's own copy of the template: its own id (so its own client id, topics and will) and broker address.</summary>
static class FleetDeviceConfig
{
    public static string IdFor(string templateId, int index)
    {
        return templateId + "-" + index.ToString("D4", CultureInfo.InvariantCulture);
    }

    public static DeviceConfig For(DeviceConfig template, int index, string host, int port)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new DeviceConfig
        {
            Id = IdFor(template.Id, index),
            Board = template.Board,
            Prefix = template.Prefix,
            Broker = new BrokerConfig
            {
                Host = host,
                Port = port,
                Tls = template.Broker.Tls,
                CaCertificate = template.Broker.CaCertificate,
                UserName = template.Broker.UserName,
                Password = template.Broker.Password,
            },
            Wifi = template.Wifi,
            TelemetryIntervalSeconds = template.TelemetryIntervalSeconds,
            TelemetryQos = template.TelemetryQos,
            KeepAliveSeconds = template.KeepAliveSeconds,
            FailureEventAfter = template.FailureEventAfter,
            HomeAssistantDiscovery = template.HomeAssistantDiscovery,
            HomeAssistantPrefix = template.HomeAssistantPrefix,
            // Sensor, bus and actuator descriptions are only read, never changed: the copies may share them.
            I2cBuses = template.I2cBuses,
            Sensors = template.Sensors,
            Actuators = template.Actuators,
        };
    }
}
