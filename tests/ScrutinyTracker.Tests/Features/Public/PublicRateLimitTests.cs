using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ScrutinyTracker.Tests.Infrastructure;

namespace ScrutinyTracker.Tests.Features.Public;

/// <summary>The public pages with a low limit of their own: three requests a minute per address.</summary>
public sealed class LowPublicLimitAppFactory : ScrutinyAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PublicPages:PermitLimit", "3");
        builder.UseSetting("PublicPages:Window", "00:02:00");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());
    }
}

public sealed class PublicRateLimitTests(LowPublicLimitAppFactory app) : IClassFixture<LowPublicLimitAppFactory>
{
    private static HttpRequestMessage From(string address, string url = "/public") =>
        new(HttpMethod.Get, url) { Headers = { { RemoteAddressFromHeader.Header, address } } };

    [Fact]
    public async Task An_address_over_the_limit_gets_429_with_a_page_while_others_and_officers_carry_on()
    {
        var client = app.CreateBrowser();
        for (var i = 0; i < 3; i++)
        {
            (await client.SendAsync(From("203.0.113.7"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await client.SendAsync(From("203.0.113.7", "/public/reviews/1"));

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromMinutes(2));
        var page = await HttpClientExtensions.ParseAsync(refused);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Too many requests");
        page.QuerySelector("main")!.TextContent.ShouldContain("Wait 2 minutes");
        (await client.SendAsync(From("203.0.113.8"))).StatusCode.ShouldBe(HttpStatusCode.OK, "another address has its own limit");
        (await client.SendAsync(From("203.0.113.7", "/help"))).StatusCode.ShouldBe(HttpStatusCode.OK, "only the public pages are limited");
    }
}
