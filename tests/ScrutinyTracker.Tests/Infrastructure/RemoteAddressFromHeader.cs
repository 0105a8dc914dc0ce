using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ScrutinyTracker.Tests.Infrastructure;

/// <summary>
/// The test server has no TCP peer: this sets the request's remote address from <see cref="Header"/>,
/// before the app's own pipeline (forwarded headers, rate limits) sees it.
/// Register with <c>services.AddSingleton&lt;IStartupFilter, RemoteAddressFromHeader&gt;()</c>.
/// </summary>
public sealed class RemoteAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
