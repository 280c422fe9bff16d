using System.Text;
using EdgeSensor.Device.Config;
using Xunit;

namespace EdgeSensor.Device.Tests.Config;

/// <summary>
/// Every refusal of a desired settings document, message for message: the field named as the config parser names it,
/// and what is wrong. (The NanoTests run the same parsing on nanoCLR, checking fields only: their strings are counted.)
/// </summary>
public class SettingsRefusalTests
{
    const string CompiledIn = "{\"id\":\"d\",\"sensors\":[{\"kind\":\"dht22\",\"name\":\"dht\",\"pin_echo\":4,\"pin_trigger\":18}],"
        + "\"actuators\":[{\"kind\":\"relay\",\"name\":\"r\",\"pin\":26,\"safe_state\":\"on\"},{\"kind\":\"pwm\",\"name\":\"p\",\"pin\":25,\"safe_state\":7}]}";

    const string NotRemote = ": not a remote setting (Wi-Fi, broker, credentials, id and wiring are compiled in)";

    static string Refusal(string singleQuoted)
    {
        byte[] compiledIn = Encoding.UTF8.GetBytes(CompiledIn);
        byte[] json = Encoding.UTF8.GetBytes(singleQuoted.Replace('\'', '"'));
        ConfigException error = Assert.Throws<ConfigException>(() =>
            DeviceConfigParser.ParseSettings(json, 0, json.Length, DeviceConfigParser.Parse(compiledIn, 0, compiledIn.Length)));
        Assert.Equal(error.Message, error.Path + ": " + error.Problem);
        return error.Message;
    }

    [Theory]
    [InlineData("{'version':1,'broker':{'port':1}}", "broker")]
    [InlineData("{'version':1,'wifi':{}}", "wifi")]
    [InlineData("{'version':1,'id':'x'}", "id")]
    [InlineData("{'version':1,'board':'x'}", "board")]
    [InlineData("{'version':1,'prefix':'x'}", "prefix")]
    [InlineData("{'version':1,'keepalive_s':5}", "keepalive_s")]
    [InlineData("{'version':1,'failure_event_after':5}", "failure_event_after")]
    [InlineData("{'version':1,'i2c':[]}", "i2c")]
    [InlineData("{'version':1,'power':{'mode':'battery'}}", "power")]
    [InlineData("{'version':1,'homeassistant':{'prefix':'h'}}", "homeassistant.prefix")]
    [InlineData("{'version':1,'sensors':[{'name':'dht','pin_echo':5}]}", "sensors[0].pin_echo")]
    [InlineData("{'version':1,'sensors':[{'name':'dht','address':68}]}", "sensors[0].address")]
    [InlineData("{'version':1,'sensors':[{'kind':'sht3x','name':'dht'}]}", "sensors[0].kind")]
    [InlineData("{'version':1,'actuators':[{'name':'r','pin':27}]}", "actuators[0].pin")]
    [InlineData("{'version':1,'actuators':[{'name':'r','active_low':true}]}", "actuators[0].active_low")]
    [InlineData("{'version':1,'actuators':[{'name':'p','frequency_hz':50}]}", "actuators[0].frequency_hz")]
    public void What_could_cut_the_board_off_or_rewire_it_is_refused_by_name(string document, string field)
    {
        Assert.Equal(field + NotRemote, Refusal(document));
    }

    [Fact]
    public void A_secret_given_remotely_is_refused_before_it_is_read()
    {
        string message = Refusal("{'version':1,'broker':{'username':'u','password':'hunter2'}}");
        Assert.Equal("broker" + NotRemote, message);
        Assert.DoesNotContain("hunter2", message);
    }

    [Theory]
    [InlineData("{'telemetry':{'interval_s':5}}", "version: missing (a settings document has a version)")]
    [InlineData("{}", "version: missing (a settings document has a version)")]
    [InlineData("{'version':0}", "version: expected an integer from 1 to 2147483647, got 0")]
    [InlineData("{'version':2147483648}", "version: expected an integer from 1 to 2147483647, got 2147483648")]
    [InlineData("{'version':1.5}", "version: expected an integer from 1 to 2147483647, got 1.5")]
    [InlineData("{'version':'3'}", "version: expected a number, got a string")]
    [InlineData("{'version':null}", "version: expected a number, got null")]
    [InlineData("{'version':1,'version':2}", "version: given twice")]
    [InlineData("[]", "(document): expected an object, got an array")]
    [InlineData("{'version':1,'telemetry':{'interval_s':0}}", "telemetry.interval_s: expected an integer from 1 to 86400, got 0")]
    [InlineData("{'version':1,'telemetry':{'qos':2}}", "telemetry.qos: expected an integer from 0 to 1, got 2")]
    [InlineData("{'version':1,'telemetry':{'min_interval_s':-1}}", "telemetry.min_interval_s: expected an integer from 0 to 86400, got -1")]
    [InlineData("{'version':1,'telemetri':{}}", "telemetri: unknown property (known: telemetry, homeassistant, sensors, actuators, version)")]
    [InlineData("{'version':1,'telemetry':{'interval':5}}", "telemetry.interval: unknown property (known: interval_s, qos, min_interval_s)")]
    [InlineData("{'version':1,'homeassistant':{'enabled':true}}", "homeassistant.enabled: unknown property (known: discovery)")]
    [InlineData("{'version':1,'homeassistant':{'discovery':1}}", "homeassistant.discovery: expected true or false, got a number")]
    [InlineData("{'version':1,'sensors':[{'name':'sht'}]}", "sensors[0].name: no sensor named \"sht\" (known: dht)")]
    [InlineData("{'version':1,'actuators':[{'name':'relay9'}]}", "actuators[0].name: no actuator named \"relay9\" (known: r, p)")]
    [InlineData("{'version':1,'sensors':[{'name':'DHT'}]}", "sensors[0].name: expected 1 to 32 characters from a-z, 0-9, '_' and '-', got \"DHT\"")]
    [InlineData("{'version':1,'actuators':[{'display_name':'x'}]}", "actuators[0].name: missing (its name in cmd/<name> and state/<name>: 1 to 32 characters from a-z, 0-9, '_' and '-')")]
    [InlineData("{'version':1,'actuators':[{'name':'r'},{'name':'r'}]}", "actuators[1].name: \"r\" is already the name of actuators[0]")]
    [InlineData("{'version':1,'sensors':[{'name':'dht','on':true}]}", "sensors[0].on: unknown property (known: name, enabled, change)")]
    [InlineData("{'version':1,'actuators':[{'name':'r','pwm':1}]}", "actuators[0].pwm: unknown property (known: name, safe_state, display_name)")]
    [InlineData("{'version':1,'sensors':[{'name':'dht','enabled':'no'}]}", "sensors[0].enabled: expected true or false, got a string")]
    [InlineData("{'version':1,'sensors':[{'name':'dht','change':0.25}]}", "sensors[0].change: expected a number from 0 to 1000 with at most one decimal, got 0.25")]
    [InlineData("{'version':1,'sensors':[{'name':'dht','change':-1}]}", "sensors[0].change: expected a number from 0 to 1000 with at most one decimal, got -1")]
    [InlineData("{'version':1,'sensors':[{'name':'dht','change':1e1}]}", "sensors[0].change: expected a number from 0 to 1000 with at most one decimal, got 1e1")]
    [InlineData("{'version':1,'sensors':[{'name':'dht','change':1000.1}]}", "sensors[0].change: expected a number from 0 to 1000 with at most one decimal, got 1000.1")]
    [InlineData("{'version':1,'sensors':[{'name':'dht','change':99999999}]}", "sensors[0].change: expected a number from 0 to 1000 with at most one decimal, got 99999999")]
    [InlineData("{'version':1,'sensors':[{'name':'dht','change':'1'}]}", "sensors[0].change: expected a number, got a string")]
    [InlineData("{'version':1,'actuators':[{'name':'r','display_name':''}]}", "actuators[0].display_name: expected 1 to 64 bytes of UTF-8 without control characters, got \"\"")]
    [InlineData("{'version':1,'actuators':[{'name':'r','display_name':'a\\tb'}]}", "actuators[0].display_name: expected 1 to 64 bytes of UTF-8 without control characters, got \"a?b\"")]
    [InlineData("{'version':1,'actuators':[{'name':'r','display_name':'a\\u0000'}]}", "actuators[0].display_name: must not contain U+0000")]
    [InlineData("{'version':1,'actuators':[{'name':'r\\u0000'}]}", "actuators[0].name: must not contain U+0000")]
    [InlineData("{'version':1,'sensors\\u0000':[]}", "(document): a property name must not contain U+0000")]
    [InlineData("{'version':1,'actuators':[{'name':'r','safe_state':1}]}", "actuators[0].safe_state: expected \"on\" or \"off\" for a relay, got 1")]
    [InlineData("{'version':1,'actuators':[{'name':'p','safe_state':101}]}", "actuators[0].safe_state: expected a duty cycle from 0 to 100 (percent) for pwm, got 101")]
    [InlineData("{'version':1,'actuators':[{'name':'p','safe_state':'on'}]}", "actuators[0].safe_state: expected a duty cycle from 0 to 100 (percent) for pwm, got \"on\"")]
    [InlineData("{'version':1,'sensors':{'dht':{}}}", "sensors: expected an array, got an object")]
    [InlineData("{'version':1,'telemetry':[[[[[[[[[[[[]]]]]]]]]]]]}", "telemetry: expected an object, got an array")]
    [InlineData("{'version':1,'telemetry':{'interval_s':5}", "(document): invalid JSON: unexpected end of input, expected ',' or '}' at line 1, column 42 (byte 41)")]
    [InlineData("{'version':1} x", "(document): invalid JSON: unexpected data after the end of the document at line 1, column 15 (byte 14)")]
    public void A_refusal_names_the_field_as_the_config_parser_does(string document, string message)
    {
        Assert.Equal(message, Refusal(document));
    }

    [Fact]
    public void A_display_name_of_65_bytes_is_too_long_and_quoted_cut_short()
    {
        Assert.Equal("actuators[0].display_name: expected 1 to 64 bytes of UTF-8 without control characters, got \"" + new string('x', 40) + "...\"",
            Refusal("{'version':1,'actuators':[{'name':'r','display_name':'" + new string('x', 65) + "'}]}"));
    }

    [Fact]
    public void The_compiled_in_configuration_has_no_version()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"version\":1}");
        ConfigException error = Assert.Throws<ConfigException>(() => DeviceConfigParser.Parse(json, 0, json.Length));
        Assert.Equal("version: unknown property (known: id, board, prefix, broker, wifi, telemetry, keepalive_s, failure_event_after, homeassistant, i2c, sensors, actuators, power)", error.Message);
    }
}
