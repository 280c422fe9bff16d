namespace EdgeSensor.Device
{
    /// <summary>Field paths as messages name them: <c>broker.port</c>, <c>sensors[1].address</c>.</summary>
    internal static class ConfigPath
    {
        /// <summary>The path of problems with the document as a whole (not an object, trailing data).</summary>
        public const string Document = "(document)";

        /// <summary>The members of the top-level object have no prefix: <c>id</c>, <c>broker</c>.</summary>
        public const string Root = "";

        public static string Member(string parent, string name)
        {
            return parent.Length == 0 ? name : parent + "." + name;
        }

        public static string Element(string array, int index)
        {
            return array + "[" + index.ToString() + "]";
        }

        /// <summary>Where problems with the object itself are reported: its path, or the document for the root.</summary>
        public static string OfObject(string path)
        {
            return path.Length == 0 ? Document : path;
        }
    }
}
