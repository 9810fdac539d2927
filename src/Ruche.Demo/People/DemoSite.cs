namespace Ruche.Demo.People;

internal sealed record DemoSite(string Name, string TimeZone, string CountryCode);
