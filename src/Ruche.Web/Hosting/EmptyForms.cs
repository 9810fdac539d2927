using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Ruche.Web.Hosting;

/// <summary>
/// A form posted with none of its fields (only the antiforgery token) binds its <c>[FromForm]</c> record as null,
/// and the handler, written for a form, failed with a NullReferenceException (500). Every form endpoint goes through
/// this filter, which hands the handler an empty form instead: each field then takes its default, as when a browser
/// leaves one out, and the service refuses what is missing with its reason.
/// </summary>
public static class EmptyForms
{
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var forms = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (parameter, index))
            .Where(p => p.parameter.GetCustomAttribute<FromFormAttribute>() is not null && p.parameter.ParameterType.IsClass
                && p.parameter.ParameterType != typeof(string) && p.parameter.ParameterType.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();
        if (forms.Count == 0)
        {
            return next;
        }

        return invocation =>
        {
            foreach (var (parameter, index) in forms)
            {
                invocation.Arguments[index] ??= Activator.CreateInstance(parameter.ParameterType);
            }

            return next(invocation);
        };
    }
}
