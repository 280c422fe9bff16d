using EdgeSensor.NanoTests.Config;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Json
{
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
            Assert.AreEqual("prefix: must not contain U+0000", SampleConfigTests.Refusal(Ascii.Json("{'prefix':'a\\u0000b'}")));
        }

        [TestMethod]
        public void EscapedNulInTheUserNameIsRefused()
        {
            // [MQTT-1.5.3-2]: an MQTT string must not hold U+0000 either.
            Assert.AreEqual("broker.username: must not contain U+0000", SampleConfigTests.Refusal(Ascii.Json("{'broker':{'host':'h','username':'a\\u0000'}}")));
        }

        [TestMethod]
        public void EscapedNulInANameIsRefused()
        {
            Assert.AreEqual("actuators[0].name: must not contain U+0000", SampleConfigTests.Refusal(Ascii.Json("{'actuators':[{'kind':'relay','name':'r\\u0000x','pin':26}]}")));
        }
    }
}
