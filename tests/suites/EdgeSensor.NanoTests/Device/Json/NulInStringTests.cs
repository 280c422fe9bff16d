using EdgeSensor.NanoTests.Config;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Json;

/// <summary>
/// An escaped U+0000 in a configuration string is refused, on the device as on the desktop. nanoFramework strings
/// end at NUL, so "a\u0000b" read into a string would silently become "a" and pass every later check.
/// </summary>
[TestClass]
public class NulInStringTests
{
    [TestMethod]
    public void EscapedNulInThePrefixIsRefused()
    {
        Assert.AreEqual("prefix: must not contain U+0000", SampleConfigTests.Refusal(Ascii.Json("{'prefix':'a\\u0000b'}")), "refusal");
    }

    [TestMethod]
    public void EscapedNulInTheUserNameIsRefused()
    {
        // [MQTT-1.5.3-2]: an MQTT string must not hold U+0000 either.
        Assert.AreEqual("broker.username: must not contain U+0000", SampleConfigTests.Refusal(Ascii.Json("{'broker':{'host':'h','username':'a\\u0000'}}")), "refusal");
    }

    [TestMethod]
    public void EscapedNulInANameIsRefused()
    {
        Assert.AreEqual("actuators[0].name: must not contain U+0000", SampleConfigTests.Refusal(Ascii.Json("{'actuators':[{'kind':'relay','name':'r\\u0000x','pin':26}]}")), "refusal");
    }

    [TestMethod]
    public void EscapedNulInARelaySafeStateIsRefused()
    {
        // Read as a string, "on\u0000" arrived as "on" on nanoCLR: the relay was accepted with safe state on.
        Assert.AreEqual("actuators[0].safe_state: must not contain U+0000", SampleConfigTests.Refusal(Ascii.Json("{'actuators':[{'kind':'relay','name':'r','pin':26,'safe_state':'on\\u0000'}]}")), "refusal");
    }

    [TestMethod]
    public void EscapedNulInAnI2cAddressIsRefused()
    {
        // Read as a string, "0x44\u0000" arrived as "0x44" on nanoCLR: the address was accepted.
        Assert.AreEqual("sensors[0].address: must not contain U+0000", SampleConfigTests.Refusal(Ascii.Json("{'i2c':[{'bus':1}],'sensors':[{'kind':'sht3x','name':'s','address':'0x44\\u0000'}]}")), "refusal");
    }

    [TestMethod]
    public void EscapedNulInAPropertyNameIsRefused()
    {
        // Read as a string, "host\u0000" arrived as "host" on nanoCLR: the refusal called a known member unknown ("broker.host: unknown property").
        Assert.AreEqual("broker: a property name must not contain U+0000", SampleConfigTests.Refusal(Ascii.Json("{'broker':{'host\\u0000':'h'}}")), "refusal");
    }
}
