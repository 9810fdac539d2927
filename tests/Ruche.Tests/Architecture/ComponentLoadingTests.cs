using System.Reflection;
using Microsoft.AspNetCore.Components;
using Ruche.Web.Components;

namespace Ruche.Tests.Architecture;

/// <summary>
/// Only pages (and the layout, which lets the page start once it has read) load in their own lifecycle; every other
/// component that reads derives from <see cref="SectionBase"/> and reads in a scope of its own. A part reading the
/// request's DbContext while the page or a sibling was reading it gave rare 500s on the home page under load.
/// </summary>
public sealed class ComponentLoadingTests
{
    [Fact]
    public void No_component_but_a_page_or_the_layout_reads_in_its_own_lifecycle_on_the_requests_context()
    {
        string[] lifecycle = ["OnInitializedAsync", "OnParametersSetAsync"];
        var offenders = typeof(SectionBase).Assembly.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => !t.GetCustomAttributes<RouteAttribute>().Any() && !typeof(LayoutComponentBase).IsAssignableFrom(t))
            .Where(t => lifecycle.Any(name =>
                t.GetMethod(name, BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes)?.DeclaringType is { } declaring
                && declaring.Assembly == typeof(SectionBase).Assembly
                && declaring != typeof(SectionBase) && declaring != typeof(PageBase)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(offenders);
        Assert.True(typeof(SectionBase).IsAssignableFrom(typeof(Ruche.Web.Recognition.KudosFeedCard)));
    }
}
