using System.Diagnostics;
using System.Threading;

namespace EdgeSensor.Esp32
{
    public static class Program
    {
        public static void Main()
        {
            Debug.WriteLine("EdgeSensor starting");

            // Nothing runs yet. Returning from Main would end the application; sleep instead so
            // the device stays up and reachable by the debugger and the deployment tools.
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
