using System;

namespace EdgeSensor.Integration.Tests.Client;

/// <summary>Topics no other test (or run) uses, so that tests sharing a machine never see each other's messages.</summary>
static class TestTopics
{
    public static string Unique(string purpose)
    {
        return "edgesensor-test/" + Guid.NewGuid().ToString("N") + "/" + purpose;
    }

    public static string UniqueClientId(string purpose)
    {
        return purpose + "-" + Guid.NewGuid().ToString("N").Substring(0, 12);
    }
}
