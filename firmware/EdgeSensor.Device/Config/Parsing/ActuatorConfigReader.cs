using System.Collections;

namespace EdgeSensor.Device
{
    /// <summary>
    /// The <c>actuators</c> array. As with sensors, the kind decides the other members and their types
    /// (a relay's safe_state is "on"/"off", a PWM's a percentage), so members are read first and checked after.
    /// </summary>
    internal static class ActuatorConfigReader
    {
        const int Kind = 0;
        const int Name = 1;
        const int Pin = 2;
        const int ActiveLow = 3;
        const int SafeState = 4;
        const int FrequencyHz = 5;

        static readonly string[] Names = new string[] { "kind", "name", "pin", "active_low", "safe_state", "frequency_hz" };
        static readonly string[] RelayNames = new string[] { "kind", "name", "pin", "active_low", "safe_state" };
        static readonly string[] PwmNames = new string[] { "kind", "name", "pin", "safe_state", "frequency_hz" };
        const int RelayMembers = (1 << Kind) | (1 << Name) | (1 << Pin) | (1 << ActiveLow) | (1 << SafeState);
        const int PwmMembers = (1 << Kind) | (1 << Name) | (1 << Pin) | (1 << SafeState) | (1 << FrequencyHz);

        const int MaxFrequencyHz = 40000;
        const int MaxPercent = 100;

        public static ActuatorConfig[] ReadAll(ConfigValueReader values, string path, PinAssignments pins)
        {
            values.RequireArray(path);
            ArrayList actuators = new ArrayList();
            string element;
            while (values.NextElement(path, actuators.Count, out element))
            {
                ActuatorConfig actuator = Read(values, element, pins);
                for (int index = 0; index < actuators.Count; index++)
                {
                    if (((ActuatorConfig)actuators[index]).Name == actuator.Name)
                    {
                        throw new ConfigException(ConfigPath.Member(element, Names[Name]),
                            ConfigEcho.Quote(actuator.Name) + " is already the name of " + ConfigPath.Element(path, index));
                    }
                }

                actuators.Add(actuator);
            }

            ActuatorConfig[] result = new ActuatorConfig[actuators.Count];
            actuators.CopyTo(result);
            return result;
        }

        static ActuatorConfig Read(ConfigValueReader values, string path, PinAssignments pins)
        {
            values.RequireObject(path);
            ActuatorConfig actuator = new ActuatorConfig();
            string kindText = null;
            SafeStateValue safeState = null;
            int seen = 0;
            int member;
            string field;
            while (values.NextMember(path, Names, ref seen, out member, out field))
            {
                switch (member)
                {
                    case Kind:
                        kindText = values.ReadString(field);
                        break;
                    case Name:
                        actuator.Name = values.ReadString(field);
                        break;
                    case Pin:
                        actuator.Pin = values.ReadInteger(field);
                        break;
                    case ActiveLow:
                        actuator.ActiveLow = values.ReadBoolean(field);
                        break;
                    case SafeState:
                        safeState = SafeStateValue.Read(values, field);
                        break;
                    default:
                        actuator.FrequencyHz = values.ReadInteger(field, 1, MaxFrequencyHz);
                        break;
                }
            }

            string kindPath = ConfigPath.Member(path, Names[Kind]);
            if (kindText == null)
            {
                throw new ConfigException(kindPath, "missing (relay or pwm)");
            }

            if (kindText == "relay")
            {
                actuator.Kind = ActuatorKind.Relay;
            }
            else if (kindText == "pwm")
            {
                actuator.Kind = ActuatorKind.Pwm;
            }
            else
            {
                throw new ConfigException(kindPath, "expected relay or pwm, got " + ConfigEcho.Quote(kindText));
            }

            string namePath = ConfigPath.Member(path, Names[Name]);
            if (actuator.Name == null)
            {
                throw new ConfigException(namePath, "missing (its name in cmd/<name> and state/<name>: 1 to 32 characters from a-z, 0-9, '_' and '-')");
            }

            ConfigRules.CheckName(namePath, actuator.Name);
            bool relay = actuator.Kind == ActuatorKind.Relay;
            ConfigRules.CheckMembersOfKind(path, seen, Names, relay ? RelayMembers : PwmMembers, relay ? RelayNames : PwmNames, "a " + kindText + " actuator");

            string pinPath = ConfigPath.Member(path, Names[Pin]);
            if ((seen & (1 << Pin)) == 0)
            {
                throw new ConfigException(pinPath, "missing (the GPIO that drives it)");
            }

            ConfigRules.CheckGpio(pinPath, actuator.Pin, true, "an actuator");
            pins.Claim(pinPath, actuator.Pin);

            if (safeState != null)
            {
                string safePath = ConfigPath.Member(path, Names[SafeState]);
                if (relay)
                {
                    actuator.SafeOn = safeState.ToRelayState(safePath);
                }
                else
                {
                    actuator.SafePercent = safeState.ToPercent(safePath, MaxPercent);
                }
            }

            return actuator;
        }
    }
}
