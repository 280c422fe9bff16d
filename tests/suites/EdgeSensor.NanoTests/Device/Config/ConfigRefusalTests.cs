using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Config;

/// <summary>
/// Every rule of hardware/config/README.md refuses what it must, with the field and the problem in one message:
/// rows of (document, exact message), one method per rule family.
/// </summary>
[TestClass]
public class ConfigRefusalTests
{
    [TestMethod]
    // id and board: [a-z0-9_-]{1,32}, the device-topics contract (id may be empty)
    [DataRow("{'id':'Esp32'}", "id: expected 1 to 32 characters from a-z, 0-9, '_' and '-', or empty to use esp32- and the last 6 hex digits of the MAC address on hardware, got \"Esp32\"")]
    [DataRow("{'id':'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'}", "id: expected 1 to 32 characters from a-z, 0-9, '_' and '-', or empty to use esp32- and the last 6 hex digits of the MAC address on hardware, got \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"")]
    [DataRow("{'id':'a/b'}", "id: expected 1 to 32 characters from a-z, 0-9, '_' and '-', or empty to use esp32- and the last 6 hex digits of the MAC address on hardware, got \"a/b\"")]
    [DataRow("{'board':''}", "board: expected 1 to 32 characters from a-z, 0-9, '_' and '-', got \"\"")]
    public void RefusesIdsAndBoardsOutsideTheDeviceTopicsAlphabet(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    // names are telemetry keys and topic levels: [a-z0-9_-]{1,32}, and required
    [DataRow("{'actuators':[{'kind':'relay','name':'Relay 1','pin':26}]}", "actuators[0].name: expected 1 to 32 characters from a-z, 0-9, '_' and '-', got \"Relay 1\"")]
    [DataRow("{'sensors':[{'kind':'dht22','name':'t+','pin_echo':4,'pin_trigger':5}]}", "sensors[0].name: expected 1 to 32 characters from a-z, 0-9, '_' and '-', got \"t+\"")]
    [DataRow("{'sensors':[{'kind':'dht22','pin_echo':4,'pin_trigger':5}]}", "sensors[0].name: missing (its key in telemetry: 1 to 32 characters from a-z, 0-9, '_' and '-')")]
    [DataRow("{'actuators':[{'kind':'relay','pin':26}]}", "actuators[0].name: missing (its name in cmd/<name> and state/<name>: 1 to 32 characters from a-z, 0-9, '_' and '-')")]
    public void RefusesSensorAndActuatorNamesOutsideTheAlphabet(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("{'sensors':[{'kind':'dht22','name':'d','pin_echo':4,'pin_trigger':5},{'kind':'dht11','name':'d','pin_echo':12,'pin_trigger':13}]}", "sensors[1].name: \"d\" is already the name of sensors[0]")]
    [DataRow("{'actuators':[{'kind':'relay','name':'r','pin':26},{'kind':'pwm','name':'p','pin':25},{'kind':'pwm','name':'r','pin':27}]}", "actuators[2].name: \"r\" is already the name of actuators[0]")]
    public void RefusesANameGivenTwiceAmongSensorsOrAmongActuators(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    // prefixes are MQTT topic names the device extends: no wildcards [MQTT-4.7.1-1], and not starting with '$' (such topics belong to the broker, MQTT 3.1.1 section 4.7.2)
    [DataRow("{'prefix':'a/+/b'}", "prefix: must not contain the wildcards '+' or '#', got \"a/+/b\"")]
    [DataRow("{'prefix':'a/#'}", "prefix: must not contain the wildcards '+' or '#', got \"a/#\"")]
    [DataRow("{'prefix':'/edgesensor'}", "prefix: must not start or end with '/' (the device adds the separators), got \"/edgesensor\"")]
    [DataRow("{'prefix':'edgesensor/'}", "prefix: must not start or end with '/' (the device adds the separators), got \"edgesensor/\"")]
    [DataRow("{'prefix':'a//b'}", "prefix: must not contain an empty topic level ('//'), got \"a//b\"")]
    [DataRow("{'prefix':'$SYS'}", "prefix: must not start with '$' (topics starting with '$' belong to the broker), got \"$SYS\"")]
    [DataRow("{'prefix':''}", "prefix: expected a topic prefix, got an empty string")]
    [DataRow("{'homeassistant':{'prefix':'ha/#'}}", "homeassistant.prefix: must not contain the wildcards '+' or '#', got \"ha/#\"")]
    public void RefusesPrefixesThatAreNotPlainTopicNames(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    // an integer written as one: 1883.0 and 1e3 are refused too
    [DataRow("{'broker':{'port':0}}", "broker.port: expected an integer from 1 to 65535, got 0")]
    [DataRow("{'broker':{'port':65536}}", "broker.port: expected an integer from 1 to 65535, got 65536")]
    [DataRow("{'broker':{'port':1883.0}}", "broker.port: expected an integer from 1 to 65535, got 1883.0")]
    [DataRow("{'broker':{'port':1e3}}", "broker.port: expected an integer from 1 to 65535, got 1e3")]
    [DataRow("{'broker':{'port':99999999999999999999}}", "broker.port: expected an integer from 1 to 65535, got 99999999999999999999")]
    public void RefusesABrokerPortOutsideOneTo65535(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    // [MQTT-3.1.2-22]: a CONNECT carries a password only with a user name
    [DataRow("{'broker':{'tls':true}}", "broker.ca_certificate: required when tls is true (the PEM text of the CA that signed the broker's certificate)")]
    [DataRow("{'broker':{'ca_certificate':'MIIB'}}", "broker.ca_certificate: expected PEM text from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----")]
    [DataRow("{'broker':{'password':'x'}}", "broker.password: given without a username (MQTT sends a password only with a user name)")]
    public void RefusesTlsWithoutACaAndAPasswordWithoutAUserName(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("{'broker':{'host':''}}", "broker.host: expected a host name or IP address of 1 to 253 characters, got \"\"")]
    [DataRow("{'broker':{'host':'mqtt://broker'}}", "broker.host: expected a host name or IP address, not a URL (set port and tls separately), got \"mqtt://broker\"")]
    [DataRow("{'broker':{'host':'my broker'}}", "broker.host: expected a host name or IP address (no spaces, '/' or control characters), got \"my broker\"")]
    public void RefusesABrokerHostThatIsNotAHostName(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    // an 802.11 SSID is 1 to 32 bytes (not characters); a WPA2 passphrase 8 to 63 printable ASCII
    [DataRow("{'wifi':{'ssid':''}}", "wifi.ssid: expected 1 to 32 bytes of UTF-8 (an 802.11 SSID), got \"\"")]
    [DataRow("{'wifi':{'ssid':'€€€€€€€€€€€'}}", "wifi.ssid: expected 1 to 32 bytes of UTF-8 (an 802.11 SSID), got \"€€€€€€€€€€€\"")]
    [DataRow("{'wifi':{'ssid':'x','password':'short'}}", "wifi.password: expected a WPA2 passphrase of 8 to 63 printable ASCII characters, 64 hex digits, or empty for an open network")]
    [DataRow("{'wifi':{'password':'longenough'}}", "wifi.password: given without an ssid")]
    public void RefusesWifiSettingsAnAccessPointWouldRefuse(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("{'telemetry':{'interval_s':0}}", "telemetry.interval_s: expected an integer from 1 to 86400, got 0")]
    [DataRow("{'telemetry':{'interval_s':86401}}", "telemetry.interval_s: expected an integer from 1 to 86400, got 86401")]
    [DataRow("{'telemetry':{'qos':2}}", "telemetry.qos: expected an integer from 0 to 1, got 2")]
    [DataRow("{'keepalive_s':-1}", "keepalive_s: expected an integer from 0 to 65535, got -1")]
    [DataRow("{'keepalive_s':65536}", "keepalive_s: expected an integer from 0 to 65535, got 65536")]
    [DataRow("{'failure_event_after':0}", "failure_event_after: expected an integer of at least 1, got 0")]
    public void RefusesTelemetryKeepAliveAndFailureCountsOutOfRange(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("{'sensors':[{'kind':'dht22','name':'d','pin_trigger':5}]}", "sensors[0].pin_echo: missing (a DHT needs two GPIOs wired to its data line: pin_echo and pin_trigger)")]
    [DataRow("{'sensors':[{'kind':'dht22','name':'d','pin_echo':4}]}", "sensors[0].pin_trigger: missing (a DHT needs two GPIOs wired to its data line: pin_echo and pin_trigger)")]
    [DataRow("{'sensors':[{'kind':'dht22','name':'d','pin_echo':4,'pin_trigger':4}]}", "sensors[0].pin_trigger: must differ from pin_echo (a DHT needs two GPIOs), both are 4")]
    [DataRow("{'sensors':[{'kind':'dht22','name':'d','pin_echo':34,'pin_trigger':5}]}", "sensors[0].pin_echo: GPIO 34 is input-only (GPIOs 34 to 39), and a DHT sensor needs an output")]
    [DataRow("{'sensors':[{'kind':'dht11','name':'d','pin_echo':4,'pin_trigger':39}]}", "sensors[0].pin_trigger: GPIO 39 is input-only (GPIOs 34 to 39), and a DHT sensor needs an output")]
    [DataRow("{'sensors':[{'kind':'dht22','name':'d','pin_echo':6,'pin_trigger':5}]}", "sensors[0].pin_echo: GPIO 6 is wired to the module's flash memory (GPIOs 6 to 11 are never usable)")]
    public void RefusesDhtPinsThatCannotDriveTheDataLine(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    // GPIOs 6 to 11 are the flash, 24 and 28 to 31 do not exist, 34 to 39 are input-only
    [DataRow("{'actuators':[{'kind':'relay','name':'r','pin':11}]}", "actuators[0].pin: GPIO 11 is wired to the module's flash memory (GPIOs 6 to 11 are never usable)")]
    [DataRow("{'actuators':[{'kind':'relay','name':'r','pin':40}]}", "actuators[0].pin: expected a GPIO from 0 to 39, got 40")]
    [DataRow("{'actuators':[{'kind':'relay','name':'r','pin':-1}]}", "actuators[0].pin: expected a GPIO from 0 to 39, got -1")]
    [DataRow("{'actuators':[{'kind':'relay','name':'r','pin':24}]}", "actuators[0].pin: the ESP32 has no GPIO 24 (there are no GPIOs 24 and 28 to 31)")]
    [DataRow("{'actuators':[{'kind':'pwm','name':'p','pin':30}]}", "actuators[0].pin: the ESP32 has no GPIO 30 (there are no GPIOs 24 and 28 to 31)")]
    [DataRow("{'actuators':[{'kind':'relay','name':'r','pin':34}]}", "actuators[0].pin: GPIO 34 is input-only (GPIOs 34 to 39), and an actuator needs an output")]
    [DataRow("{'actuators':[{'kind':'relay','name':'r'}]}", "actuators[0].pin: missing (the GPIO that drives it)")]
    public void RefusesActuatorPinsTheEsp32CannotDrive(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("{'actuators':[{'kind':'relay','name':'r','pin':26},{'kind':'pwm','name':'p','pin':26}]}", "actuators[1].pin: GPIO 26 is already used by actuators[0].pin")]
    [DataRow("{'i2c':[{'bus':1}],'actuators':[{'kind':'relay','name':'r','pin':21}]}", "actuators[0].pin: GPIO 21 is already used by i2c[0].sda")]
    [DataRow("{'actuators':[{'kind':'relay','name':'r','pin':4}],'sensors':[{'kind':'dht22','name':'d','pin_echo':4,'pin_trigger':5}]}", "sensors[0].pin_echo: GPIO 4 is already used by actuators[0].pin")]
    public void RefusesAGpioUsedTwiceNamingItsFirstOwner(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    // SHT3x: 0x44 or 0x45; BME280: 0x76 or 0x77; one chip per address on a bus
    [DataRow("{'i2c':[{'bus':1}],'sensors':[{'kind':'dht22','name':'dht22','pin_echo':4,'pin_trigger':5},{'kind':'sht3x','name':'sht31','bus':1,'address':'0x50'}]}", "sensors[1].address: expected an I2C address 0x44 or 0x45 for sht3x, got 0x50")]
    [DataRow("{'i2c':[{'bus':1}],'sensors':[{'kind':'bme280','name':'b','address':68}]}", "sensors[0].address: expected an I2C address 0x76 or 0x77 for bme280, got 0x44")]
    [DataRow("{'i2c':[{'bus':1}],'sensors':[{'kind':'bme280','name':'b','address':'0x4G'}]}", "sensors[0].address: expected a 7-bit I2C address as a number or a \"0x..\" string up to 0x7f, got \"0x4G\"")]
    [DataRow("{'i2c':[{'bus':1}],'sensors':[{'kind':'bme280','name':'b','address':'76'}]}", "sensors[0].address: expected a 7-bit I2C address as a number or a \"0x..\" string up to 0x7f, got \"76\"")]
    [DataRow("{'i2c':[{'bus':1}],'sensors':[{'kind':'bme280','name':'b','address':'0x80'}]}", "sensors[0].address: expected a 7-bit I2C address as a number or a \"0x..\" string up to 0x7f, got \"0x80\"")]
    [DataRow("{'i2c':[{'bus':1}],'sensors':[{'kind':'bme280','name':'b','address':200}]}", "sensors[0].address: expected a 7-bit I2C address from 0x00 to 0x7f, got 200")]
    [DataRow("{'i2c':[{'bus':1}],'sensors':[{'kind':'bme280','name':'b','address':true}]}", "sensors[0].address: expected an I2C address as a number or a \"0x..\" string, got true")]
    [DataRow("{'i2c':[{'bus':1}],'sensors':[{'kind':'sht3x','name':'s'}]}", "sensors[0].address: missing (an I2C address 0x44 or 0x45 for sht3x)")]
    [DataRow("{'i2c':[{'bus':1}],'sensors':[{'kind':'sht3x','name':'s','address':'0x44'},{'kind':'sht3x','name':'t','address':68}]}", "sensors[1].address: I2C address 0x44 on bus 1 is already used by sensors[0]")]
    public void RefusesI2cAddressesTheChipCannotHave(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("{'i2c':[{'bus':1}],'sensors':[{'kind':'sht3x','name':'s','bus':2,'address':'0x44'}]}", "sensors[0].bus: I2C bus 2 is not declared in i2c (which pins it uses)")]
    [DataRow("{'sensors':[{'kind':'sht3x','name':'s','address':'0x44'}]}", "sensors[0].bus: I2C bus 1 is not declared in i2c (which pins it uses)")]
    [DataRow("{'sensors':[{'kind':'sht3x','name':'s','bus':3,'address':'0x44'}]}", "sensors[0].bus: expected an integer from 1 to 2, got 3")]
    [DataRow("{'i2c':[{'bus':0}]}", "i2c[0].bus: expected an integer from 1 to 2, got 0")]
    [DataRow("{'i2c':[{'bus':1},{'bus':1,'sda':18,'scl':19}]}", "i2c[1].bus: I2C bus 1 is already declared by i2c[0]")]
    [DataRow("{'i2c':[{'bus':1,'sda':21,'scl':21}]}", "i2c[0].scl: GPIO 21 is already used by i2c[0].sda")]
    [DataRow("{'i2c':[{'bus':1,'sda':36}]}", "i2c[0].sda: GPIO 36 is input-only (GPIOs 34 to 39), and I2C needs an output")]
    public void RefusesI2cBusesThatAreUndeclaredOrDeclaredTwice(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("{'actuators':[{'kind':'relay','name':'r','pin':26,'safe_state':'maybe'}]}", "actuators[0].safe_state: expected \"on\" or \"off\" for a relay, got \"maybe\"")]
    [DataRow("{'actuators':[{'kind':'relay','name':'r','pin':26,'safe_state':'ON'}]}", "actuators[0].safe_state: expected \"on\" or \"off\" for a relay, got \"ON\"")]
    [DataRow("{'actuators':[{'safe_state':1,'kind':'relay','name':'r','pin':26}]}", "actuators[0].safe_state: expected \"on\" or \"off\" for a relay, got 1")]
    [DataRow("{'actuators':[{'kind':'relay','name':'r','pin':26,'safe_state':null}]}", "actuators[0].safe_state: expected \"on\" or \"off\" for a relay, got null")]
    public void RefusesARelaySafeStateOtherThanOnOrOff(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("{'actuators':[{'kind':'pwm','name':'p','pin':25,'safe_state':101}]}", "actuators[0].safe_state: expected a duty cycle from 0 to 100 (percent) for pwm, got 101")]
    [DataRow("{'actuators':[{'kind':'pwm','name':'p','pin':25,'safe_state':-1}]}", "actuators[0].safe_state: expected a duty cycle from 0 to 100 (percent) for pwm, got -1")]
    [DataRow("{'actuators':[{'kind':'pwm','name':'p','pin':25,'safe_state':50.5}]}", "actuators[0].safe_state: expected a duty cycle from 0 to 100 (percent) for pwm, got 50.5")]
    [DataRow("{'actuators':[{'kind':'pwm','name':'p','pin':25,'safe_state':'off'}]}", "actuators[0].safe_state: expected a duty cycle from 0 to 100 (percent) for pwm, got \"off\"")]
    [DataRow("{'actuators':[{'kind':'pwm','name':'p','pin':25,'safe_state':{}}]}", "actuators[0].safe_state: expected a string or a number, got an object")]
    public void RefusesAPwmSafeStateOutsideZeroTo100Percent(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("{'actuators':[{'kind':'pwm','name':'p','pin':25,'frequency_hz':0}]}", "actuators[0].frequency_hz: expected an integer from 1 to 40000, got 0")]
    [DataRow("{'actuators':[{'kind':'pwm','name':'p','pin':25,'frequency_hz':40001}]}", "actuators[0].frequency_hz: expected an integer from 1 to 40000, got 40001")]
    public void RefusesAPwmFrequencyOutsideOneTo40000Hz(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("{'sensors':[{'name':'d'}]}", "sensors[0].kind: missing (one of dht22, dht11, sht3x, bme280)")]
    [DataRow("{'sensors':[{'kind':'dht23','name':'d'}]}", "sensors[0].kind: expected one of dht22, dht11, sht3x, bme280, got \"dht23\"")]
    [DataRow("{'actuators':[{'name':'r','pin':26}]}", "actuators[0].kind: missing (relay or pwm)")]
    [DataRow("{'actuators':[{'kind':'servo','name':'r','pin':26}]}", "actuators[0].kind: expected relay or pwm, got \"servo\"")]
    public void RefusesAMissingOrUnknownKind(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("{'actuators':[{'kind':'pwm','name':'p','pin':25,'active_low':true}]}", "actuators[0].active_low: not a property of a pwm actuator (known: kind, name, pin, safe_state, frequency_hz, display_name)")]
    [DataRow("{'actuators':[{'frequency_hz':50,'kind':'relay','name':'r','pin':26}]}", "actuators[0].frequency_hz: not a property of a relay actuator (known: kind, name, pin, active_low, safe_state, display_name)")]
    [DataRow("{'sensors':[{'kind':'dht22','name':'d','pin_echo':4,'pin_trigger':5,'address':68}]}", "sensors[0].address: not a property of a dht22 sensor (known: kind, name, pin_echo, pin_trigger, enabled, change)")]
    [DataRow("{'i2c':[{'bus':1}],'sensors':[{'pin_echo':4,'kind':'sht3x','name':'s','address':68}]}", "sensors[0].pin_echo: not a property of a sht3x sensor (known: kind, name, bus, address, enabled, change)")]
    public void RefusesAMemberOfAnotherKind(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    // typo protection: a misspelt field would otherwise be ignored and its default used
    [DataRow("{'sensor':[]}", "sensor: unknown property (known: id, board, prefix, broker, wifi, telemetry, keepalive_s, failure_event_after, homeassistant, i2c, sensors, actuators, power)")]
    [DataRow("{'broker':{'hots':'x'}}", "broker.hots: unknown property (known: host, port, tls, ca_certificate, username, password)")]
    [DataRow("{'wifi':{'pass':'x'}}", "wifi.pass: unknown property (known: ssid, password)")]
    [DataRow("{'telemetry':{'interval':10}}", "telemetry.interval: unknown property (known: interval_s, qos, min_interval_s)")]
    [DataRow("{'homeassistant':{'enabled':true}}", "homeassistant.enabled: unknown property (known: discovery, prefix)")]
    [DataRow("{'i2c':[{'bus':1,'clk':22}]}", "i2c[0].clk: unknown property (known: bus, sda, scl)")]
    [DataRow("{'sensors':[{'kind':'dht22','pins':[4,5]}]}", "sensors[0].pins: unknown property (known: kind, name, pin_echo, pin_trigger, bus, address, enabled, change)")]
    [DataRow("{'actuators':[{'kind':'relay','gpio':26}]}", "actuators[0].gpio: unknown property (known: kind, name, pin, active_low, safe_state, frequency_hz, display_name)")]
    [DataRow("{'Id':'x'}", "Id: unknown property (known: id, board, prefix, broker, wifi, telemetry, keepalive_s, failure_event_after, homeassistant, i2c, sensors, actuators, power)")]
    [DataRow("{'a\\nb':1}", "a?b: unknown property (known: id, board, prefix, broker, wifi, telemetry, keepalive_s, failure_event_after, homeassistant, i2c, sensors, actuators, power)")]
    public void RefusesUnknownMembersListingTheKnownOnes(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("{'keepalive_s':1,'keepalive_s':2}", "keepalive_s: given twice")]
    [DataRow("{'broker':{'port':1,'port':1}}", "broker.port: given twice")]
    public void RefusesAMemberGivenTwice(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("[]", "(document): expected an object, got an array")]
    [DataRow("'config'", "(document): expected an object, got a string")]
    [DataRow("null", "(document): expected an object, got null")]
    [DataRow("{'broker':[]}", "broker: expected an object, got an array")]
    [DataRow("{'broker':null}", "broker: expected an object, got null")]
    [DataRow("{'sensors':{}}", "sensors: expected an array, got an object")]
    [DataRow("{'sensors':[1]}", "sensors[0]: expected an object, got a number")]
    [DataRow("{'actuators':[{}, []]}", "actuators[0].kind: missing (relay or pwm)")]
    [DataRow("{'i2c':[[]]}", "i2c[0]: expected an object, got an array")]
    public void RefusesAnObjectOrArrayOfTheWrongType(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }

    [TestMethod]
    [DataRow("{'id':5}", "id: expected a string, got a number")]
    [DataRow("{'broker':{'port':'1883'}}", "broker.port: expected a number, got a string")]
    [DataRow("{'broker':{'port':null}}", "broker.port: expected a number, got null")]
    [DataRow("{'broker':{'tls':'yes'}}", "broker.tls: expected true or false, got a string")]
    [DataRow("{'broker':{'tls':1}}", "broker.tls: expected true or false, got a number")]
    [DataRow("{'telemetry':{'qos':'1'}}", "telemetry.qos: expected a number, got a string")]
    [DataRow("{'homeassistant':{'discovery':'yes'}}", "homeassistant.discovery: expected true or false, got a string")]
    [DataRow("{'sensors':[{'kind':['dht22']}]}", "sensors[0].kind: expected a string, got an array")]
    [DataRow("{'sensors':[{'kind':'dht22','name':'d','pin_echo':'4','pin_trigger':5}]}", "sensors[0].pin_echo: expected a number, got a string")]
    public void RefusesAScalarOfTheWrongType(string document, string message)
    {
        ConfigDocument.AssertRefusedByRule(document, message);
    }
}
