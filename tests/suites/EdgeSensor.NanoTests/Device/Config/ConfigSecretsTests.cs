using EdgeSensor.Device.Config;
using nanoFramework.TestFramework;

namespace EdgeSensor.NanoTests.Config;

/// <summary>
/// broker.password and wifi.password never reach a message, whatever is wrong in or around them: not whole, and
/// not in pieces (no four characters of a secret in a row). In the rows, SECRET stands for the broker password.
/// </summary>
[TestClass]
public class ConfigSecretsTests
{
    const string BrokerSecret = "Zq7#Kp2!vX9m";
    const string WifiSecret = "Jt4%Rw8&nB3y";

    const string Document =
        "{\"broker\":{\"host\":\"10.0.0.2\",\"username\":\"dev\",\"password\":\"" + BrokerSecret + "\",\"port\":1883},"
        + "\"wifi\":{\"ssid\":\"shed\",\"password\":\"" + WifiSecret + "\"},\"id\":\"dev-1\"}";

    [TestMethod]
    [DataRow("{'broker':{'username':'u','password':'SECRET',}}")]                  // trailing comma
    [DataRow("{'broker':{'username':'u','password':'SECRET' 'port':1}}")]         // missing comma
    [DataRow("{'broker':{'username':'u','password':SECRET}}")]                     // unquoted
    [DataRow("{'broker':{'username':'u','password':'SECRET")]                      // unterminated
    [DataRow("{'broker':{'username':'u','password':'SEC\tRET'}}")]                 // raw control character
    [DataRow("{'broker':{'username':'u','password':'SECRET\\q'}}")]                // invalid escape
    [DataRow("{'broker':{'username':'u','password':'SECRET\\uD800'}}")]            // unpaired surrogate
    [DataRow("{'broker':{'username':'u','password':'SECRET'}} SECRET")]             // trailing data
    public void ASyntaxErrorInOrAroundTheBrokerPasswordNeverEchoesIt(string template)
    {
        AssertRefusedWithoutTheSecret(template);
    }

    [TestMethod]
    [DataRow("{'broker':{'password':'SECRET'}}")]                                  // no username
    [DataRow("{'broker':{'username':'u','password':'SECRET','password':'SECRET'}}")] // given twice
    [DataRow("{'broker':{'username':'u','password':'SECRET'},'broker':{}}")]
    [DataRow("{'broker':{'username':'u','password':'SECRET','tls':true}}")]        // next rule fails
    [DataRow("{'broker':{'username':'u','password':'SECRET','port':0}}")]
    [DataRow("{'broker':{'username':'u','password':'SECRET','hots':'x'}}")]
    [DataRow("{'broker':{'username':'u','password':['SECRET']}}")]
    [DataRow("{'broker':{'username':'u','password':{'p':'SECRET'}}}")]
    public void ARuleBrokenInOrAroundTheBrokerPasswordNeverEchoesIt(string template)
    {
        AssertRefusedWithoutTheSecret(template);
    }

    [TestMethod]
    [DataRow("{'wifi':{'password':'SECRET'}}")]                                    // no ssid
    [DataRow("{'wifi':{'ssid':'x','password':'SECRET\\u0001'}}")]                  // not printable ASCII
    [DataRow("{'wifi':{'ssid':'x','password':'SECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRET'}}")] // too long
    [DataRow("{'wifi':{'ssid':'x','password':'SECRET€'}}")]
    [DataRow("{'wifi':{'ssid':'x','password':'SECRET','ssid':'y'}}")]
    [DataRow("{'wifi':{'ssid':'x','password':'SECRET'},'sensors':[{'kind':'x'}]}")]
    public void AProblemInOrAroundTheWifiPasswordNeverEchoesIt(string template)
    {
        AssertRefusedWithoutTheSecret(template);
    }

    [TestMethod]
    public void AWifiPasswordThatIsTooShortIsNotEchoedEither()
    {
        ConfigException error = ConfigDocument.Refused(Ascii.Json("{'wifi':{'ssid':'x','password':'Qx7%Lm'}}"));

        AssertNoSecret(error.Message, "Qx7%Lm");
    }

    [TestMethod]
    public void PasswordsAreReadIntoTheModelAsWritten()
    {
        DeviceConfig config = ConfigDocument.Parse(Ascii.Bytes(Document));

        Assert.AreEqual(BrokerSecret, config.Broker.Password, "broker.password");
        Assert.AreEqual(WifiSecret, config.Wifi.Password, "wifi.password");
    }

    [TestMethod]
    public void EveryTruncationAndEveryByteEditNearAPasswordKeepsItOutOfMessages()
    {
        byte[] original = Ascii.Bytes(Document);
        int checkedErrors = 0;
        for (int length = 0; length < original.Length; length++)
        {
            byte[] truncated = new byte[length];
            System.Array.Copy(original, truncated, length);
            checkedErrors += CheckVariant(truncated);
        }

        byte[] replacements = new byte[] { (byte)'"', (byte)'\\', (byte)'}', (byte)']', (byte)'{', (byte)'[', (byte)',', (byte)':', (byte)' ', (byte)'x', 0x01, 0x80, 0xFF };
        string[] secrets = new string[] { BrokerSecret, WifiSecret };
        for (int s = 0; s < secrets.Length; s++)
        {
            int start = Document.IndexOf(secrets[s]);
            int from = start - 16 < 0 ? 0 : start - 16;
            int to = start + secrets[s].Length + 16 < original.Length ? start + secrets[s].Length + 16 : original.Length;
            for (int at = from; at < to; at++)
            {
                for (int r = 0; r < replacements.Length; r++)
                {
                    byte[] replaced = (byte[])original.Clone();
                    replaced[at] = replacements[r];
                    checkedErrors += CheckVariant(replaced);

                    byte[] inserted = new byte[original.Length + 1];
                    System.Array.Copy(original, inserted, at);
                    inserted[at] = replacements[r];
                    System.Array.Copy(original, at, inserted, at + 1, original.Length - at);
                    checkedErrors += CheckVariant(inserted);
                }

                byte[] deleted = new byte[original.Length - 1];
                System.Array.Copy(original, deleted, at);
                System.Array.Copy(original, at + 1, deleted, at, original.Length - at - 1);
                checkedErrors += CheckVariant(deleted);
            }
        }

        Assert.IsTrue(checkedErrors > 1000, checkedErrors.ToString() + " errors checked");
    }

    /// <summary>1 when the variant is refused (and its message holds no piece of either secret), 0 when it parses.</summary>
    static int CheckVariant(byte[] variant)
    {
        try
        {
            ConfigDocument.Parse(variant);
        }
        catch (ConfigException error)
        {
            AssertNoSecret(error.Message, BrokerSecret);
            AssertNoSecret(error.Message, WifiSecret);
            return 1;
        }

        return 0;
    }

    static void AssertRefusedWithoutTheSecret(string template)
    {
        ConfigException error = ConfigDocument.Refused(Utf8Text.Json(WithSecret(template)));

        AssertNoSecret(error.Message, BrokerSecret);
        AssertNoSecret(error.ToString(), BrokerSecret);
    }

    /// <summary>The template with each SECRET replaced by the broker password.</summary>
    static string WithSecret(string template)
    {
        string result = "";
        int from = 0;
        int at;
        while ((at = template.IndexOf("SECRET", from)) >= 0)
        {
            result += template.Substring(from, at - from) + BrokerSecret;
            from = at + 6;
        }

        return result + template.Substring(from);
    }

    static void AssertNoSecret(string text, string secret)
    {
        for (int start = 0; start + 4 <= secret.Length; start++)
        {
            string piece = secret.Substring(start, 4);
            Assert.IsTrue(text.IndexOf(piece) < 0, "\"" + piece + "\" of a secret appears in: " + text);
        }
    }
}
