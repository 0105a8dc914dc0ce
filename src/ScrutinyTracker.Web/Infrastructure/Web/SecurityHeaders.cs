namespace ScrutinyTracker.Web.Infrastructure.Web;

/// <summary>
/// The headers on every response (NetEscapades.AspNetCore.SecurityHeaders). Scripts run only from the
/// app's own files: no page has an inline script, so none is allowed (no nonce, no 'unsafe-inline'), and
/// injected markup cannot run script even if encoding were ever missed.
/// </summary>
public static class SecurityHeaders
{
    public static HeaderPolicyCollection Policy() => new HeaderPolicyCollection()
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicySameOrigin()
        .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
        .AddPermissionsPolicy(b =>
        {
            b.AddCamera().None();
            b.AddMicrophone().None();
            b.AddGeolocation().None();
        })
        .RemoveServerHeader()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self();
            // The layout's empty favicon is a data: URL.
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self();
            csp.AddConnectSrc().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
        });
}
