namespace EdgeSensor.Device.Json;

/// <summary>What <see cref="JsonReader.Read"/> stopped on.</summary>
public enum JsonTokenType
{
    /// <summary>Before the first Read, and after the document ended.</summary>
    None,
    StartObject,
    EndObject,
    StartArray,
    EndArray,

    /// <summary>A member's name; the reader has already consumed the ':' after it.</summary>
    PropertyName,
    String,
    Number,
    True,
    False,
    Null,
}
