using System;
using System.Text;
using EdgeSensor.Device.Config;
using Xunit;
using static EdgeSensor.Device.Tests.Config.ConfigDocuments;

namespace EdgeSensor.Device.Tests.Config
{
    /// <summary>The configuration document: the samples as shipped, the defaults, and every rule with its message.</summary>
    public class DeviceConfigParserTests
    {
        [Fact]
        public void The_esp32_devkitc_sample_is_the_default_wiring()
        {
            DeviceConfig config = Parse(Sample(DevKitC));

            Assert.Equal("", config.Id);
            Assert.Equal("esp32-devkitc", config.Board);
            Assert.Equal("edgesensor", config.Prefix);
            Assert.Equal("192.168.1.10", config.Broker.Host);
            Assert.Equal(1883, config.Broker.Port);
            Assert.False(config.Broker.Tls);
            Assert.Null(config.Broker.CaCertificate);
            // Credentials are not in the committed sample: on the board they come from the git-ignored DeviceSecrets.cs.
            Assert.Null(config.Broker.UserName);
            Assert.Null(config.Broker.Password);
            Assert.Null(config.Wifi.Ssid);
            Assert.Equal(10, config.TelemetryIntervalSeconds);
            Assert.Equal(1, config.TelemetryQos);
            Assert.Equal(30, config.KeepAliveSeconds);
            Assert.Equal(3, config.FailureEventAfter);
            Assert.False(config.HomeAssistantDiscovery);
            Assert.Equal("homeassistant", config.HomeAssistantPrefix);
            AssertDefaultWiring(config);
        }

        [Fact]
        public void The_simulated_sample_has_the_same_wiring_and_a_loopback_broker()
        {
            DeviceConfig config = Parse(Sample(Simulated));

            Assert.Equal("sim-001", config.Id);
            Assert.Equal("simulated", config.Board);
            Assert.Equal("127.0.0.1", config.Broker.Host);
            Assert.Equal(1883, config.Broker.Port);
            Assert.Null(config.Broker.UserName);
            Assert.Null(config.Broker.Password);
            Assert.Null(config.Wifi.Ssid);
            Assert.True(config.HomeAssistantDiscovery);
            AssertDefaultWiring(config);
        }

        [Fact]
        public void The_issue_example_parses_with_every_field()
        {
            DeviceConfig config = Parse(Encoding.UTF8.GetBytes(IssueExample));

            Assert.Equal("esp32-a1b2c3", config.Id);
            Assert.Equal("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", config.Broker.CaCertificate);
            Assert.Equal("dev", config.Broker.UserName);
            Assert.Equal("secret", config.Broker.Password);
            Assert.Equal("shed", config.Wifi.Ssid);
            Assert.True(config.HomeAssistantDiscovery);
            Assert.Equal(0x76, config.Sensors[2].Address);
            AssertDefaultWiring(config);
        }

        [Fact]
        public void An_empty_object_takes_every_default_of_the_model()
        {
            DeviceConfig config = Parse(Quoted("{}"));
            var defaults = new DeviceConfig();

            Assert.Equal("", config.Id);
            Assert.Equal(defaults.Board, config.Board);
            Assert.Equal(defaults.Prefix, config.Prefix);
            Assert.Equal(defaults.Broker.Host, config.Broker.Host);
            Assert.Equal(defaults.Broker.Port, config.Broker.Port);
            Assert.Equal(defaults.Broker.Tls, config.Broker.Tls);
            Assert.Null(config.Broker.UserName);
            Assert.Null(config.Wifi.Ssid);
            Assert.Equal(defaults.TelemetryIntervalSeconds, config.TelemetryIntervalSeconds);
            Assert.Equal(defaults.TelemetryQos, config.TelemetryQos);
            Assert.Equal(defaults.KeepAliveSeconds, config.KeepAliveSeconds);
            Assert.Equal(defaults.FailureEventAfter, config.FailureEventAfter);
            Assert.Equal(defaults.HomeAssistantDiscovery, config.HomeAssistantDiscovery);
            Assert.Equal(defaults.HomeAssistantPrefix, config.HomeAssistantPrefix);
            Assert.Empty(config.I2cBuses);
            Assert.Empty(config.Sensors);
            Assert.Empty(config.Actuators);
        }

        [Fact]
        public void Absent_optional_members_of_elements_take_the_model_defaults()
        {
            DeviceConfig config = Parse(Quoted(
                "{'i2c':[{}],'sensors':[{'kind':'bme280','name':'b','address':'0x77'}],"
                + "'actuators':[{'kind':'relay','name':'r','pin':26},{'kind':'pwm','name':'p','pin':25}]}"));

            Assert.Equal(1, config.I2cBuses[0].Bus);
            Assert.Equal(21, config.I2cBuses[0].SdaPin);
            Assert.Equal(22, config.I2cBuses[0].SclPin);
            Assert.Equal(1, config.Sensors[0].I2cBus);
            Assert.False(config.Actuators[0].ActiveLow);
            Assert.False(config.Actuators[0].SafeOn);
            Assert.Equal(1000, config.Actuators[1].FrequencyHz);
            Assert.Equal(0, config.Actuators[1].SafePercent);
        }

        [Theory]
        [InlineData("{'id':''}")]
        [InlineData("{'keepalive_s':0}")]
        [InlineData("{'keepalive_s':65535,'failure_event_after':2147483647}")]
        [InlineData("{'telemetry':{'interval_s':86400,'qos':0}}")]
        [InlineData("{'telemetry':{'interval_s':1}}")]
        [InlineData("{'broker':{'port':65535,'host':'broker.example.com'}}")]
        [InlineData("{'broker':{'port':8883,'tls':true,'ca_certificate':'-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----'}}")]
        [InlineData("{'broker':{'username':'dev'}}")]
        [InlineData("{'broker':{'username':'','password':''}}")]
        [InlineData("{'wifi':{'ssid':'€€€€€€€€€€a','password':''}}")]
        [InlineData("{'wifi':{'ssid':'x','password':'0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789abcdef'}}")]
        [InlineData("{'prefix':'site-1/edge_sensor/€'}")]
        [InlineData("{'prefix':'a/\\u00AD/b'}")]
        [InlineData("{'sensors':[{'kind':'dht11','name':'t','pin_echo':32,'pin_trigger':33}],'actuators':[{'kind':'relay','name':'t','pin':0}]}")]
        [InlineData("{'sensors':[{'kind':'sht3x','name':'a','address':68},{'kind':'sht3x','name':'b','address':'0X45'}],'i2c':[{'bus':1}]}")]
        [InlineData("{'i2c':[{'bus':1},{'bus':2,'sda':18,'scl':19}],'sensors':[{'kind':'sht3x','name':'a','address':68},{'kind':'sht3x','name':'b','bus':2,'address':68}]}")]
        [InlineData("{'actuators':[{'kind':'pwm','name':'p','pin':23,'frequency_hz':40000,'safe_state':100},{'kind':'relay','name':'r','pin':19,'safe_state':'on'}]}")]
        [InlineData("{'\\u0069d':'esc\\u0061ped'}")]
        public void Accepts_values_at_the_edges_of_every_rule(string document)
        {
            Parse(Quoted(document));
        }

        [Fact]
        public void Reads_each_accepted_edge_value_into_the_model()
        {
            DeviceConfig config = Parse(Quoted(
                "{'keepalive_s':0,'i2c':[{'bus':2,'sda':18,'scl':19}],"
                + "'sensors':[{'kind':'sht3x','name':'b','bus':2,'address':'0X45'}],"
                + "'actuators':[{'kind':'pwm','name':'p','pin':23,'frequency_hz':40000,'safe_state':100},{'kind':'relay','name':'r','pin':5,'safe_state':'on','active_low':true}]}"));

            Assert.Equal(0, config.KeepAliveSeconds);
            Assert.Equal(2, config.Sensors[0].I2cBus);
            Assert.Equal(0x45, config.Sensors[0].Address);
            Assert.Equal(40000, config.Actuators[0].FrequencyHz);
            Assert.Equal(100, config.Actuators[0].SafePercent);
            Assert.True(config.Actuators[1].SafeOn);
            Assert.True(config.Actuators[1].ActiveLow);
            Assert.Equal(SensorKind.Sht3x, config.Sensors[0].Kind);
            Assert.Equal(ActuatorKind.Pwm, config.Actuators[0].Kind);
        }

        [Fact]
        public void Parses_a_document_in_the_middle_of_a_buffer_with_a_byte_order_mark()
        {
            byte[] document = Quoted("{'id':'x'}");
            byte[] buffer = new byte[document.Length + 10];
            buffer[2] = 0xEF;
            buffer[3] = 0xBB;
            buffer[4] = 0xBF;
            document.CopyTo(buffer, 5);

            Assert.Equal("x", DeviceConfigParser.Parse(buffer, 2, document.Length + 3).Id);
        }

        [Theory]
        // id, board, names: the topic contract (docs/device-topics.md), [a-z0-9_-]{1,32}
        [InlineData("{'id':'Esp32'}", "id: expected 1 to 32 characters from a-z, 0-9, '_' and '-', or empty to use esp32- and the last 6 hex digits of the MAC address on hardware, got \"Esp32\"")]
        [InlineData("{'id':'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'}", "id: expected 1 to 32 characters from a-z, 0-9, '_' and '-', or empty to use esp32- and the last 6 hex digits of the MAC address on hardware, got \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"")]
        [InlineData("{'id':'a/b'}", "id: expected 1 to 32 characters from a-z, 0-9, '_' and '-', or empty to use esp32- and the last 6 hex digits of the MAC address on hardware, got \"a/b\"")]
        [InlineData("{'board':''}", "board: expected 1 to 32 characters from a-z, 0-9, '_' and '-', got \"\"")]
        [InlineData("{'actuators':[{'kind':'relay','name':'Relay 1','pin':26}]}", "actuators[0].name: expected 1 to 32 characters from a-z, 0-9, '_' and '-', got \"Relay 1\"")]
        [InlineData("{'sensors':[{'kind':'dht22','name':'t+','pin_echo':4,'pin_trigger':5}]}", "sensors[0].name: expected 1 to 32 characters from a-z, 0-9, '_' and '-', got \"t+\"")]
        [InlineData("{'sensors':[{'kind':'dht22','pin_echo':4,'pin_trigger':5}]}", "sensors[0].name: missing (its key in telemetry: 1 to 32 characters from a-z, 0-9, '_' and '-')")]
        [InlineData("{'actuators':[{'kind':'relay','pin':26}]}", "actuators[0].name: missing (its name in cmd/<name> and state/<name>: 1 to 32 characters from a-z, 0-9, '_' and '-')")]
        [InlineData("{'sensors':[{'kind':'dht22','name':'d','pin_echo':4,'pin_trigger':5},{'kind':'dht11','name':'d','pin_echo':12,'pin_trigger':13}]}", "sensors[1].name: \"d\" is already the name of sensors[0]")]
        [InlineData("{'actuators':[{'kind':'relay','name':'r','pin':26},{'kind':'pwm','name':'p','pin':25},{'kind':'pwm','name':'r','pin':27}]}", "actuators[2].name: \"r\" is already the name of actuators[0]")]
        // prefixes: MQTT topic names the device extends
        [InlineData("{'prefix':'a/+/b'}", "prefix: must not contain the wildcards '+' or '#', got \"a/+/b\"")]
        [InlineData("{'prefix':'a/#'}", "prefix: must not contain the wildcards '+' or '#', got \"a/#\"")]
        [InlineData("{'prefix':'/edgesensor'}", "prefix: must not start or end with '/' (the device adds the separators), got \"/edgesensor\"")]
        [InlineData("{'prefix':'edgesensor/'}", "prefix: must not start or end with '/' (the device adds the separators), got \"edgesensor/\"")]
        [InlineData("{'prefix':'a//b'}", "prefix: must not contain an empty topic level ('//'), got \"a//b\"")]
        [InlineData("{'prefix':'$SYS'}", "prefix: must not start with '$' (topics starting with '$' belong to the broker), got \"$SYS\"")]
        [InlineData("{'prefix':''}", "prefix: expected a topic prefix, got an empty string")]
        [InlineData("{'homeassistant':{'prefix':'ha/#'}}", "homeassistant.prefix: must not contain the wildcards '+' or '#', got \"ha/#\"")]
        // broker
        [InlineData("{'broker':{'port':0}}", "broker.port: expected an integer from 1 to 65535, got 0")]
        [InlineData("{'broker':{'port':65536}}", "broker.port: expected an integer from 1 to 65535, got 65536")]
        [InlineData("{'broker':{'port':1883.0}}", "broker.port: expected an integer from 1 to 65535, got 1883.0")]
        [InlineData("{'broker':{'port':1e3}}", "broker.port: expected an integer from 1 to 65535, got 1e3")]
        [InlineData("{'broker':{'port':99999999999999999999}}", "broker.port: expected an integer from 1 to 65535, got 99999999999999999999")]
        [InlineData("{'broker':{'tls':true}}", "broker.ca_certificate: required when tls is true (the PEM text of the CA that signed the broker's certificate)")]
        [InlineData("{'broker':{'ca_certificate':'MIIB'}}", "broker.ca_certificate: expected PEM text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----")]
        [InlineData("{'broker':{'password':'x'}}", "broker.password: given without a username (MQTT sends a password only with a user name)")]
        [InlineData("{'broker':{'host':''}}", "broker.host: expected a host name or IP address of 1 to 253 characters, got \"\"")]
        [InlineData("{'broker':{'host':'mqtt://broker'}}", "broker.host: expected a host name or IP address, not a URL (set port and tls separately), got \"mqtt://broker\"")]
        [InlineData("{'broker':{'host':'my broker'}}", "broker.host: expected a host name or IP address (no spaces, '/' or control characters), got \"my broker\"")]
        // wifi
        [InlineData("{'wifi':{'ssid':''}}", "wifi.ssid: expected 1 to 32 bytes of UTF-8 (an 802.11 SSID), got \"\"")]
        [InlineData("{'wifi':{'ssid':'€€€€€€€€€€€'}}", "wifi.ssid: expected 1 to 32 bytes of UTF-8 (an 802.11 SSID), got \"€€€€€€€€€€€\"")]
        [InlineData("{'wifi':{'ssid':'x','password':'short'}}", "wifi.password: expected a WPA2 passphrase of 8 to 63 printable ASCII characters, 64 hex digits, or empty for an open network")]
        [InlineData("{'wifi':{'password':'longenough'}}", "wifi.password: given without an ssid")]
        // telemetry, keep-alive, failure events
        [InlineData("{'telemetry':{'interval_s':0}}", "telemetry.interval_s: expected an integer from 1 to 86400, got 0")]
        [InlineData("{'telemetry':{'interval_s':86401}}", "telemetry.interval_s: expected an integer from 1 to 86400, got 86401")]
        [InlineData("{'telemetry':{'qos':2}}", "telemetry.qos: expected an integer from 0 to 1, got 2")]
        [InlineData("{'keepalive_s':-1}", "keepalive_s: expected an integer from 0 to 65535, got -1")]
        [InlineData("{'keepalive_s':65536}", "keepalive_s: expected an integer from 0 to 65535, got 65536")]
        [InlineData("{'failure_event_after':0}", "failure_event_after: expected an integer of at least 1, got 0")]
        // DHT pins
        [InlineData("{'sensors':[{'kind':'dht22','name':'d','pin_trigger':5}]}", "sensors[0].pin_echo: missing (a DHT needs two GPIOs wired to its data line: pin_echo and pin_trigger)")]
        [InlineData("{'sensors':[{'kind':'dht22','name':'d','pin_echo':4}]}", "sensors[0].pin_trigger: missing (a DHT needs two GPIOs wired to its data line: pin_echo and pin_trigger)")]
        [InlineData("{'sensors':[{'kind':'dht22','name':'d','pin_echo':4,'pin_trigger':4}]}", "sensors[0].pin_trigger: must differ from pin_echo (a DHT needs two GPIOs), both are 4")]
        [InlineData("{'sensors':[{'kind':'dht22','name':'d','pin_echo':34,'pin_trigger':5}]}", "sensors[0].pin_echo: GPIO 34 is input-only (GPIOs 34 to 39), and a DHT sensor needs an output")]
        [InlineData("{'sensors':[{'kind':'dht11','name':'d','pin_echo':4,'pin_trigger':39}]}", "sensors[0].pin_trigger: GPIO 39 is input-only (GPIOs 34 to 39), and a DHT sensor needs an output")]
        [InlineData("{'sensors':[{'kind':'dht22','name':'d','pin_echo':6,'pin_trigger':5}]}", "sensors[0].pin_echo: GPIO 6 is wired to the module's flash memory (GPIOs 6 to 11 are never usable)")]
        // GPIOs of actuators
        [InlineData("{'actuators':[{'kind':'relay','name':'r','pin':11}]}", "actuators[0].pin: GPIO 11 is wired to the module's flash memory (GPIOs 6 to 11 are never usable)")]
        [InlineData("{'actuators':[{'kind':'relay','name':'r','pin':40}]}", "actuators[0].pin: expected a GPIO from 0 to 39, got 40")]
        [InlineData("{'actuators':[{'kind':'relay','name':'r','pin':-1}]}", "actuators[0].pin: expected a GPIO from 0 to 39, got -1")]
        [InlineData("{'actuators':[{'kind':'relay','name':'r','pin':24}]}", "actuators[0].pin: the ESP32 has no GPIO 24 (there are no GPIOs 24 and 28 to 31)")]
        [InlineData("{'actuators':[{'kind':'pwm','name':'p','pin':30}]}", "actuators[0].pin: the ESP32 has no GPIO 30 (there are no GPIOs 24 and 28 to 31)")]
        [InlineData("{'actuators':[{'kind':'relay','name':'r','pin':34}]}", "actuators[0].pin: GPIO 34 is input-only (GPIOs 34 to 39), and an actuator needs an output")]
        [InlineData("{'actuators':[{'kind':'relay','name':'r'}]}", "actuators[0].pin: missing (the GPIO that drives it)")]
        [InlineData("{'actuators':[{'kind':'relay','name':'r','pin':26},{'kind':'pwm','name':'p','pin':26}]}", "actuators[1].pin: GPIO 26 is already used by actuators[0].pin")]
        [InlineData("{'i2c':[{'bus':1}],'actuators':[{'kind':'relay','name':'r','pin':21}]}", "actuators[0].pin: GPIO 21 is already used by i2c[0].sda")]
        [InlineData("{'actuators':[{'kind':'relay','name':'r','pin':4}],'sensors':[{'kind':'dht22','name':'d','pin_echo':4,'pin_trigger':5}]}", "sensors[0].pin_echo: GPIO 4 is already used by actuators[0].pin")]
        // I2C addresses and buses
        [InlineData("{'i2c':[{'bus':1}],'sensors':[{'kind':'dht22','name':'dht22','pin_echo':4,'pin_trigger':5},{'kind':'sht3x','name':'sht31','bus':1,'address':'0x50'}]}", "sensors[1].address: expected an I2C address 0x44 or 0x45 for sht3x, got 0x50")]
        [InlineData("{'i2c':[{'bus':1}],'sensors':[{'kind':'bme280','name':'b','address':68}]}", "sensors[0].address: expected an I2C address 0x76 or 0x77 for bme280, got 0x44")]
        [InlineData("{'i2c':[{'bus':1}],'sensors':[{'kind':'bme280','name':'b','address':'0x4G'}]}", "sensors[0].address: expected a 7-bit I2C address as a number or a \"0x..\" string up to 0x7f, got \"0x4G\"")]
        [InlineData("{'i2c':[{'bus':1}],'sensors':[{'kind':'bme280','name':'b','address':'76'}]}", "sensors[0].address: expected a 7-bit I2C address as a number or a \"0x..\" string up to 0x7f, got \"76\"")]
        [InlineData("{'i2c':[{'bus':1}],'sensors':[{'kind':'bme280','name':'b','address':'0x80'}]}", "sensors[0].address: expected a 7-bit I2C address as a number or a \"0x..\" string up to 0x7f, got \"0x80\"")]
        [InlineData("{'i2c':[{'bus':1}],'sensors':[{'kind':'bme280','name':'b','address':200}]}", "sensors[0].address: expected a 7-bit I2C address from 0x00 to 0x7f, got 200")]
        [InlineData("{'i2c':[{'bus':1}],'sensors':[{'kind':'bme280','name':'b','address':true}]}", "sensors[0].address: expected an I2C address as a number or a \"0x..\" string, got true")]
        [InlineData("{'i2c':[{'bus':1}],'sensors':[{'kind':'sht3x','name':'s'}]}", "sensors[0].address: missing (an I2C address 0x44 or 0x45 for sht3x)")]
        [InlineData("{'i2c':[{'bus':1}],'sensors':[{'kind':'sht3x','name':'s','address':'0x44'},{'kind':'sht3x','name':'t','address':68}]}", "sensors[1].address: I2C address 0x44 on bus 1 is already used by sensors[0]")]
        [InlineData("{'i2c':[{'bus':1}],'sensors':[{'kind':'sht3x','name':'s','bus':2,'address':'0x44'}]}", "sensors[0].bus: I2C bus 2 is not declared in i2c (which pins it uses)")]
        [InlineData("{'sensors':[{'kind':'sht3x','name':'s','address':'0x44'}]}", "sensors[0].bus: I2C bus 1 is not declared in i2c (which pins it uses)")]
        [InlineData("{'sensors':[{'kind':'sht3x','name':'s','bus':3,'address':'0x44'}]}", "sensors[0].bus: expected an integer from 1 to 2, got 3")]
        [InlineData("{'i2c':[{'bus':0}]}", "i2c[0].bus: expected an integer from 1 to 2, got 0")]
        [InlineData("{'i2c':[{'bus':1},{'bus':1,'sda':18,'scl':19}]}", "i2c[1].bus: I2C bus 1 is already declared by i2c[0]")]
        [InlineData("{'i2c':[{'bus':1,'sda':21,'scl':21}]}", "i2c[0].scl: GPIO 21 is already used by i2c[0].sda")]
        [InlineData("{'i2c':[{'bus':1,'sda':36}]}", "i2c[0].sda: GPIO 36 is input-only (GPIOs 34 to 39), and I2C needs an output")]
        // actuator states
        [InlineData("{'actuators':[{'kind':'relay','name':'r','pin':26,'safe_state':'maybe'}]}", "actuators[0].safe_state: expected \"on\" or \"off\" for a relay, got \"maybe\"")]
        [InlineData("{'actuators':[{'kind':'relay','name':'r','pin':26,'safe_state':'ON'}]}", "actuators[0].safe_state: expected \"on\" or \"off\" for a relay, got \"ON\"")]
        [InlineData("{'actuators':[{'safe_state':1,'kind':'relay','name':'r','pin':26}]}", "actuators[0].safe_state: expected \"on\" or \"off\" for a relay, got 1")]
        [InlineData("{'actuators':[{'kind':'relay','name':'r','pin':26,'safe_state':null}]}", "actuators[0].safe_state: expected \"on\" or \"off\" for a relay, got null")]
        [InlineData("{'actuators':[{'kind':'pwm','name':'p','pin':25,'safe_state':101}]}", "actuators[0].safe_state: expected a duty cycle from 0 to 100 (percent) for pwm, got 101")]
        [InlineData("{'actuators':[{'kind':'pwm','name':'p','pin':25,'safe_state':-1}]}", "actuators[0].safe_state: expected a duty cycle from 0 to 100 (percent) for pwm, got -1")]
        [InlineData("{'actuators':[{'kind':'pwm','name':'p','pin':25,'safe_state':50.5}]}", "actuators[0].safe_state: expected a duty cycle from 0 to 100 (percent) for pwm, got 50.5")]
        [InlineData("{'actuators':[{'kind':'pwm','name':'p','pin':25,'safe_state':'off'}]}", "actuators[0].safe_state: expected a duty cycle from 0 to 100 (percent) for pwm, got \"off\"")]
        [InlineData("{'actuators':[{'kind':'pwm','name':'p','pin':25,'safe_state':{}}]}", "actuators[0].safe_state: expected a string or a number, got an object")]
        [InlineData("{'actuators':[{'kind':'pwm','name':'p','pin':25,'frequency_hz':0}]}", "actuators[0].frequency_hz: expected an integer from 1 to 40000, got 0")]
        [InlineData("{'actuators':[{'kind':'pwm','name':'p','pin':25,'frequency_hz':40001}]}", "actuators[0].frequency_hz: expected an integer from 1 to 40000, got 40001")]
        // kinds and the members each kind has
        [InlineData("{'sensors':[{'name':'d'}]}", "sensors[0].kind: missing (one of dht22, dht11, sht3x, bme280)")]
        [InlineData("{'sensors':[{'kind':'dht23','name':'d'}]}", "sensors[0].kind: expected one of dht22, dht11, sht3x, bme280, got \"dht23\"")]
        [InlineData("{'actuators':[{'name':'r','pin':26}]}", "actuators[0].kind: missing (relay or pwm)")]
        [InlineData("{'actuators':[{'kind':'servo','name':'r','pin':26}]}", "actuators[0].kind: expected relay or pwm, got \"servo\"")]
        [InlineData("{'actuators':[{'kind':'pwm','name':'p','pin':25,'active_low':true}]}", "actuators[0].active_low: not a property of a pwm actuator (known: kind, name, pin, safe_state, frequency_hz)")]
        [InlineData("{'actuators':[{'frequency_hz':50,'kind':'relay','name':'r','pin':26}]}", "actuators[0].frequency_hz: not a property of a relay actuator (known: kind, name, pin, active_low, safe_state)")]
        [InlineData("{'sensors':[{'kind':'dht22','name':'d','pin_echo':4,'pin_trigger':5,'address':68}]}", "sensors[0].address: not a property of a dht22 sensor (known: kind, name, pin_echo, pin_trigger)")]
        [InlineData("{'i2c':[{'bus':1}],'sensors':[{'pin_echo':4,'kind':'sht3x','name':'s','address':68}]}", "sensors[0].pin_echo: not a property of a sht3x sensor (known: kind, name, bus, address)")]
        // unknown members: typo protection
        [InlineData("{'sensor':[]}", "sensor: unknown property (known: id, board, prefix, broker, wifi, telemetry, keepalive_s, failure_event_after, homeassistant, i2c, sensors, actuators)")]
        [InlineData("{'broker':{'hots':'x'}}", "broker.hots: unknown property (known: host, port, tls, ca_certificate, username, password)")]
        [InlineData("{'wifi':{'pass':'x'}}", "wifi.pass: unknown property (known: ssid, password)")]
        [InlineData("{'telemetry':{'interval':10}}", "telemetry.interval: unknown property (known: interval_s, qos)")]
        [InlineData("{'homeassistant':{'enabled':true}}", "homeassistant.enabled: unknown property (known: discovery, prefix)")]
        [InlineData("{'i2c':[{'bus':1,'clk':22}]}", "i2c[0].clk: unknown property (known: bus, sda, scl)")]
        [InlineData("{'sensors':[{'kind':'dht22','pins':[4,5]}]}", "sensors[0].pins: unknown property (known: kind, name, pin_echo, pin_trigger, bus, address)")]
        [InlineData("{'actuators':[{'kind':'relay','gpio':26}]}", "actuators[0].gpio: unknown property (known: kind, name, pin, active_low, safe_state, frequency_hz)")]
        [InlineData("{'Id':'x'}", "Id: unknown property (known: id, board, prefix, broker, wifi, telemetry, keepalive_s, failure_event_after, homeassistant, i2c, sensors, actuators)")]
        [InlineData("{'a\\nb':1}", "a?b: unknown property (known: id, board, prefix, broker, wifi, telemetry, keepalive_s, failure_event_after, homeassistant, i2c, sensors, actuators)")]
        [InlineData("{'keepalive_s':1,'keepalive_s':2}", "keepalive_s: given twice")]
        [InlineData("{'broker':{'port':1,'port':1}}", "broker.port: given twice")]
        // wrong types
        [InlineData("[]", "(document): expected an object, got an array")]
        [InlineData("'config'", "(document): expected an object, got a string")]
        [InlineData("null", "(document): expected an object, got null")]
        [InlineData("{'broker':[]}", "broker: expected an object, got an array")]
        [InlineData("{'broker':null}", "broker: expected an object, got null")]
        [InlineData("{'sensors':{}}", "sensors: expected an array, got an object")]
        [InlineData("{'sensors':[1]}", "sensors[0]: expected an object, got a number")]
        [InlineData("{'actuators':[{}, []]}", "actuators[0].kind: missing (relay or pwm)")]
        [InlineData("{'i2c':[[]]}", "i2c[0]: expected an object, got an array")]
        [InlineData("{'id':5}", "id: expected a string, got a number")]
        [InlineData("{'broker':{'port':'1883'}}", "broker.port: expected a number, got a string")]
        [InlineData("{'broker':{'port':null}}", "broker.port: expected a number, got null")]
        [InlineData("{'broker':{'tls':'yes'}}", "broker.tls: expected true or false, got a string")]
        [InlineData("{'broker':{'tls':1}}", "broker.tls: expected true or false, got a number")]
        [InlineData("{'telemetry':{'qos':'1'}}", "telemetry.qos: expected a number, got a string")]
        [InlineData("{'homeassistant':{'discovery':'yes'}}", "homeassistant.discovery: expected true or false, got a string")]
        [InlineData("{'sensors':[{'kind':['dht22']}]}", "sensors[0].kind: expected a string, got an array")]
        [InlineData("{'sensors':[{'kind':'dht22','name':'d','pin_echo':'4','pin_trigger':5}]}", "sensors[0].pin_echo: expected a number, got a string")]
        public void Refuses_each_rule_naming_the_field_and_the_problem(string document, string message)
        {
            ConfigException error = Assert.Throws<ConfigException>(() => Parse(Quoted(document)));

            Assert.Equal(message, error.Message);
            Assert.Equal(-1, error.Position);
            Assert.Equal(message, error.Path + ": " + error.Problem);
        }

        [Theory]
        [InlineData("{'broker':{'port':1883,}}", "broker", "broker: invalid JSON: expected a property name (trailing commas are not allowed) at line 1, column 24 (byte 23)")]
        [InlineData("{'broker':{'port':01}}", "broker.port", "broker.port: invalid JSON: invalid number (leading zeros are not allowed) at line 1, column 19 (byte 18)")]
        [InlineData("{'sensors':[{'kind':'dht22','name':'d','pin_echo':4,'pin_trigger':5},]}", "sensors[1]", "sensors[1]: invalid JSON: expected a value (trailing commas are not allowed) at line 1, column 70 (byte 69)")]
        [InlineData("{} x", "(document)", "(document): invalid JSON: unexpected data after the end of the document at line 1, column 4 (byte 3)")]
        [InlineData("", "(document)", "(document): invalid JSON: unexpected end of input, expected a value at line 1, column 1 (byte 0)")]
        [InlineData("{'id':'x'", "(document)", "(document): invalid JSON: unexpected end of input, expected ',' or '}' at line 1, column 10 (byte 9)")]
        [InlineData("{\n  // a comment\n}", "(document)", "(document): invalid JSON: expected a property name in double quotes at line 2, column 3 (byte 4)")]
        public void Reports_JSON_syntax_errors_with_the_field_and_the_position(string document, string path, string message)
        {
            ConfigException error = Assert.Throws<ConfigException>(() => Parse(Quoted(document)));

            Assert.Equal(message, error.Message);
            Assert.Equal(path, error.Path);
            Assert.True(error.Position >= 0);
        }

        [Fact]
        public void Refuses_nesting_beyond_the_reader_limit_inside_a_field()
        {
            string deep = "{'sensors':[" + new string('[', 40) + new string(']', 40) + "]}";

            ConfigException error = Assert.Throws<ConfigException>(() => Parse(Quoted(deep)));

            Assert.Equal("sensors[0]: expected an object, got an array", error.Message);
        }

        [Fact]
        public void Refuses_arguments_outside_the_buffer_as_a_programming_error()
        {
            Assert.Throws<ArgumentNullException>(() => DeviceConfigParser.Parse(null, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => DeviceConfigParser.Parse(new byte[2], 1, 2));
        }

        private static void AssertDefaultWiring(DeviceConfig config)
        {
            I2cBusConfig bus = Assert.Single(config.I2cBuses);
            Assert.Equal((1, 21, 22), (bus.Bus, bus.SdaPin, bus.SclPin));

            Assert.Equal(3, config.Sensors.Length);
            SensorConfig dht = config.Sensors[0];
            Assert.Equal((SensorKind.Dht22, "dht22", 4, 18), (dht.Kind, dht.Name, dht.PinEcho, dht.PinTrigger));
            SensorConfig sht = config.Sensors[1];
            Assert.Equal((SensorKind.Sht3x, "sht31", 1, 0x44), (sht.Kind, sht.Name, sht.I2cBus, sht.Address));
            SensorConfig bme = config.Sensors[2];
            Assert.Equal((SensorKind.Bme280, "bme280", 1, 0x76), (bme.Kind, bme.Name, bme.I2cBus, bme.Address));

            Assert.Equal(2, config.Actuators.Length);
            ActuatorConfig relay = config.Actuators[0];
            Assert.Equal((ActuatorKind.Relay, "relay1", 26, true, false), (relay.Kind, relay.Name, relay.Pin, relay.ActiveLow, relay.SafeOn));
            ActuatorConfig led = config.Actuators[1];
            Assert.Equal((ActuatorKind.Pwm, "led", 25, 1000, 0), (led.Kind, led.Name, led.Pin, led.FrequencyHz, led.SafePercent));
        }
    }
}
