using System;
using System.Collections.Generic;
using System.Text;
using EdgeSensor.Device.Config;
using Xunit;
using static EdgeSensor.Device.Tests.Config.ConfigDocuments;

namespace EdgeSensor.Device.Tests.Config
{
    /// <summary>
    /// broker.password and wifi.password never reach a message, whatever is wrong in or around them: not whole,
    /// and not in pieces (no four characters of a secret in a row).
    /// </summary>
    public class ConfigSecretsTests
    {
        private const string BrokerSecret = "Zq7#Kp2!vX9m";
        private const string WifiSecret = "Jt4%Rw8&nB3y";

        private static readonly string Document =
            "{\"broker\":{\"host\":\"10.0.0.2\",\"username\":\"dev\",\"password\":\"" + BrokerSecret + "\",\"port\":1883},"
            + "\"wifi\":{\"ssid\":\"shed\",\"password\":\"" + WifiSecret + "\"},\"id\":\"dev-1\"}";

        [Theory]
        [InlineData("{'broker':{'password':'SECRET'}}")]                                  // no username
        [InlineData("{'broker':{'username':'u','password':'SECRET',}}")]                  // trailing comma
        [InlineData("{'broker':{'username':'u','password':'SECRET' 'port':1}}")]         // missing comma
        [InlineData("{'broker':{'username':'u','password':SECRET}}")]                     // unquoted
        [InlineData("{'broker':{'username':'u','password':'SECRET")]                      // unterminated
        [InlineData("{'broker':{'username':'u','password':'SEC\tRET'}}")]                 // raw control character
        [InlineData("{'broker':{'username':'u','password':'SECRET\\q'}}")]                // invalid escape
        [InlineData("{'broker':{'username':'u','password':'SECRET\\uD800'}}")]            // unpaired surrogate
        [InlineData("{'broker':{'username':'u','password':'SECRET','password':'SECRET'}}")] // given twice
        [InlineData("{'broker':{'username':'u','password':'SECRET'},'broker':{}}")]
        [InlineData("{'broker':{'username':'u','password':'SECRET','tls':true}}")]        // next rule fails
        [InlineData("{'broker':{'username':'u','password':'SECRET','port':0}}")]
        [InlineData("{'broker':{'username':'u','password':'SECRET','hots':'x'}}")]
        [InlineData("{'broker':{'username':'u','password':['SECRET']}}")]
        [InlineData("{'broker':{'username':'u','password':{'p':'SECRET'}}}")]
        [InlineData("{'broker':{'username':'u','password':'SECRET'}} SECRET")]             // trailing data
        [InlineData("{'wifi':{'password':'SECRET'}}")]                                    // no ssid
        [InlineData("{'wifi':{'ssid':'x','password':'SECRET\\u0001'}}")]                  // not printable ASCII
        [InlineData("{'wifi':{'ssid':'x','password':'SECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRETSECRET'}}")] // too long
        [InlineData("{'wifi':{'ssid':'x','password':'SECRET€'}}")]
        [InlineData("{'wifi':{'ssid':'x','password':'SECRET','ssid':'y'}}")]
        [InlineData("{'wifi':{'ssid':'x','password':'SECRET'},'sensors':[{'kind':'x'}]}")]
        public void A_problem_in_or_around_a_password_never_echoes_it(string template)
        {
            byte[] document = Quoted(template.Replace("SECRET", BrokerSecret));

            ConfigException error = Assert.Throws<ConfigException>(() => Parse(document));

            AssertNoSecret(error.Message, BrokerSecret);
            AssertNoSecret(error.ToString(), BrokerSecret);
        }

        [Fact]
        public void A_wifi_password_that_is_too_short_is_not_echoed_either()
        {
            ConfigException error = Assert.Throws<ConfigException>(() => Parse(Quoted("{'wifi':{'ssid':'x','password':'Qx7%Lm'}}")));

            AssertNoSecret(error.Message, "Qx7%Lm");
        }

        [Fact]
        public void Every_truncation_and_every_byte_edit_near_a_password_keeps_it_out_of_messages()
        {
            byte[] original = Encoding.UTF8.GetBytes(Document);
            int checkedErrors = 0;
            foreach (byte[] variant in Variants(original))
            {
                try
                {
                    Parse(variant);
                }
                catch (ConfigException error)
                {
                    AssertNoSecrets(error.Message);
                    checkedErrors++;
                }
            }

            Assert.True(checkedErrors > 1000, checkedErrors + " errors checked");
        }

        [Fact]
        public void Passwords_are_read_into_the_model_as_written()
        {
            DeviceConfig config = Parse(Encoding.UTF8.GetBytes(Document));

            Assert.Equal(BrokerSecret, config.Broker.Password);
            Assert.Equal(WifiSecret, config.Wifi.Password);
        }

        private static IEnumerable<byte[]> Variants(byte[] original)
        {
            for (int length = 0; length < original.Length; length++)
            {
                yield return original[..length];
            }

            byte[] replacements = { (byte)'"', (byte)'\\', (byte)'}', (byte)']', (byte)'{', (byte)'[', (byte)',', (byte)':', (byte)' ', (byte)'x', 0x01, 0x80, 0xFF };
            foreach (string secret in new[] { BrokerSecret, WifiSecret })
            {
                int start = Document.IndexOf(secret, StringComparison.Ordinal);
                for (int at = Math.Max(0, start - 16); at < Math.Min(original.Length, start + secret.Length + 16); at++)
                {
                    foreach (byte replacement in replacements)
                    {
                        byte[] replaced = (byte[])original.Clone();
                        replaced[at] = replacement;
                        yield return replaced;

                        byte[] inserted = new byte[original.Length + 1];
                        Array.Copy(original, inserted, at);
                        inserted[at] = replacement;
                        Array.Copy(original, at, inserted, at + 1, original.Length - at);
                        yield return inserted;
                    }

                    byte[] deleted = new byte[original.Length - 1];
                    Array.Copy(original, deleted, at);
                    Array.Copy(original, at + 1, deleted, at, original.Length - at - 1);
                    yield return deleted;
                }
            }
        }

        private static void AssertNoSecrets(string text)
        {
            AssertNoSecret(text, BrokerSecret);
            AssertNoSecret(text, WifiSecret);
        }

        private static void AssertNoSecret(string text, string secret)
        {
            for (int start = 0; start + 4 <= secret.Length; start++)
            {
                string piece = secret.Substring(start, 4);
                Assert.False(text.Contains(piece, StringComparison.Ordinal), "\"" + piece + "\" of a secret appears in: " + text);
            }
        }
    }
}
