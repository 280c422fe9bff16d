using System;
using System.Text.Json;

namespace EdgeSensor.Desktop.Broker;

/// <summary>
/// The config file of mosquitto's dynamic security plugin for <see cref="PrivateBrokerOptions.RefusedSubscriptions"/>:
/// anonymous clients may publish, receive and subscribe to anything except those exact filters, which get SUBACK 0x80.
/// </summary>
static class MosquittoDynamicSecurity
{
    public static string Render(PrivateBrokerOptions options)
    {
        if (options.Users.Count > 0 || options.AclFileContent != null || !options.AllowAnonymous)
        {
            throw new ArgumentException("RefusedSubscriptions applies to anonymous clients: it cannot be combined with Users, AclFileContent or AllowAnonymous false.");
        }

        var acls = new object[options.RefusedSubscriptions.Count];
        for (int i = 0; i < acls.Length; i++)
        {
            acls[i] = new { acltype = "subscribeLiteral", topic = options.RefusedSubscriptions[i], priority = 0, allow = false };
        }

        var document = new
        {
            defaultACLAccess = new { publishClientSend = true, publishClientReceive = true, subscribe = true, unsubscribe = true },
            clients = Array.Empty<object>(),
            groups = new[] { new { groupname = "anonymous", roles = new[] { new { rolename = "refuse" } } } },
            roles = new[] { new { rolename = "refuse", acls } },
            anonymousGroup = "anonymous",
        };
        return JsonSerializer.Serialize(document);
    }
}
