namespace EdgeSensor.Device
{
    /// <summary>
    /// Home Assistant MQTT discovery (docs/device-topics.md): one retained config document per sensor quantity
    /// (component <c>sensor</c>), per relay (<c>switch</c>) and per PWM output (<c>number</c>), each with the
    /// device's availability topic and a shared device block. Topics are encoded once; documents are written on demand.
    /// </summary>
    public sealed class HomeAssistantDiscovery
    {
        readonly DeviceConfig config;
        readonly string firmwareVersion;
        readonly DeviceTopics topics;
        readonly ISensor[] sensors;
        readonly Actuator[] actuators;

        /// <summary>For document i: the sensor (or -1) and quantity, or the actuator.</summary>
        readonly int[] sensorOf;
        readonly int[] quantityOf;
        readonly int[] actuatorOf;
        public readonly byte[][] Topics;

        public HomeAssistantDiscovery(DeviceConfig config, string firmwareVersion, DeviceTopics topics, ISensor[] sensors, Actuator[] actuators)
        {
            this.config = config;
            this.firmwareVersion = firmwareVersion;
            this.topics = topics;
            this.sensors = sensors;
            this.actuators = actuators;
            int count = actuators.Length;
            for (int s = 0; s < sensors.Length; s++) count += sensors[s].Quantities.Length;
            sensorOf = new int[count];
            quantityOf = new int[count];
            actuatorOf = new int[count];
            Topics = new byte[count][];
            int i = 0;
            for (int s = 0; s < sensors.Length; s++)
            {
                for (int q = 0; q < sensors[s].Quantities.Length; q++, i++)
                {
                    sensorOf[i] = s;
                    quantityOf[i] = q;
                    actuatorOf[i] = -1;
                    Topics[i] = Topic("sensor", sensors[s].Name + "_" + sensors[s].Quantities[q].Key);
                }
            }
            for (int a = 0; a < actuators.Length; a++, i++)
            {
                sensorOf[i] = -1;
                actuatorOf[i] = a;
                Topics[i] = Topic(actuators[a].Kind == ActuatorKind.Relay ? "switch" : "number", actuators[a].Name);
            }
        }

        public int Count { get { return Topics.Length; } }

        public void Write(JsonWriter json, int document)
        {
            json.BeginObject();
            if (sensorOf[document] >= 0) WriteSensor(json, sensors[sensorOf[document]], sensors[sensorOf[document]].Quantities[quantityOf[document]]);
            else WriteActuator(json, actuators[actuatorOf[document]], actuatorOf[document]);
            json.Name("availability_topic");
            json.String(topics.Base + "/status");
            json.Name("payload_available");
            json.String("online");
            json.Name("payload_not_available");
            json.String("offline");
            json.Name("device");
            json.BeginObject();
            json.Name("identifiers");
            json.BeginArray();
            json.String(config.Id);
            json.EndArray();
            json.Name("name");
            json.String(config.Id);
            json.Name("manufacturer");
            json.String("EdgeSensor");
            json.Name("model");
            json.String(config.Board);
            json.Name("sw_version");
            json.String(firmwareVersion);
            json.EndObject();
            json.EndObject();
        }

        void WriteSensor(JsonWriter json, ISensor sensor, SensorQuantity quantity)
        {
            json.Name("name");
            json.String(sensor.Name + " " + quantity.DeviceClass);
            json.Name("unique_id");
            json.String(config.Id + "_" + sensor.Name + "_" + quantity.Key);
            json.Name("state_topic");
            json.String(topics.Base + "/telemetry");
            json.Name("value_template");
            json.String("{{ value_json.sensors['" + sensor.Name + "']." + quantity.Key + " }}");
            json.Name("unit_of_measurement");
            json.String(quantity.Unit);
            json.Name("device_class");
            json.String(quantity.DeviceClass);
            json.Name("state_class");
            json.String("measurement");
        }

        void WriteActuator(JsonWriter json, Actuator actuator, int index)
        {
            json.Name("name");
            json.String(actuator.Name);
            json.Name("unique_id");
            json.String(config.Id + "_" + actuator.Name);
            json.Name("command_topic");
            json.String(topics.Base + "/cmd/" + actuator.Name);
            json.Name("state_topic");
            json.String(topics.Base + "/state/" + actuator.Name);
            if (actuator.Kind == ActuatorKind.Relay)
            {
                json.Name("payload_on");
                json.String("ON");
                json.Name("payload_off");
                json.String("OFF");
                json.Name("state_on");
                json.String("ON");
                json.Name("state_off");
                json.String("OFF");
                return;
            }
            json.Name("min");
            json.Number(0);
            json.Name("max");
            json.Number(100);
            json.Name("step");
            json.Number(1);
            json.Name("unit_of_measurement");
            json.String("%");
            json.Name("mode");
            json.String("slider");
        }

        byte[] Topic(string component, string objectId)
        {
            return DeviceTopics.Utf8(config.HomeAssistantPrefix + "/" + component + "/" + config.Id + "/" + objectId + "/config");
        }
    }
}
