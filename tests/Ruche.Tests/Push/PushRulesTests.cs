using Ruche.Core.Push;

namespace Ruche.Tests.Push;

/// <summary>The endpoints a browser really gives are accepted; look-alikes and internal hosts are not.</summary>
public sealed class PushRulesTests
{
    [Theory]
    [InlineData("https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b", true)]
    [InlineData("https://updates.push.services.mozilla.com/wpush/v2/gAAAAABl", true)]
    [InlineData("https://wns2-par02p.notify.windows.com/w/?token=BQYAAAB", true)]
    [InlineData("https://web.push.apple.com/QGx0ZXN0", true)]
    [InlineData("http://fcm.googleapis.com/fcm/send/x", false)]
    [InlineData("https://fcm.googleapis.com:8443/fcm/send/x", false)]
    [InlineData("https://fcm.googleapis.com.evil.example/x", false)]
    [InlineData("https://evilfcm.googleapis.com.example/x", false)]
    [InlineData("https://notfcm.googleapis.co/x", false)]
    [InlineData("https://192.168.1.10/x", false)]
    [InlineData("https://[fe80::1]/x", false)]
    public void Only_the_browsers_push_services_are_endpoints(string endpoint, bool accepted) =>
        Assert.Equal(accepted, PushRules.IsKnownService(new Uri(endpoint), PushRules.KnownServiceHosts));
}
