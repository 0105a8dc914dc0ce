using ScrutinyTracker.Web.Features.ClosingMonitoring;
using ScrutinyTracker.Web.Features.CommitteeDecisions;
using ScrutinyTracker.Web.Features.CommitteePacks;
using ScrutinyTracker.Web.Features.ExecutiveResponses;
using ScrutinyTracker.Web.Features.Exports;
using ScrutinyTracker.Web.Features.Imports;
using ScrutinyTracker.Web.Features.Imports.Spreadsheets;
using ScrutinyTracker.Web.Features.Plans;
using ScrutinyTracker.Web.Features.Public;
using ScrutinyTracker.Web.Features.Reports;
using ScrutinyTracker.Web.Features.Search;
using ScrutinyTracker.Web.Features.Updates;
using ScrutinyTracker.Web.Infrastructure;
using ScrutinyTracker.Web.Infrastructure.Council;
using ScrutinyTracker.Web.Infrastructure.Database;
using ScrutinyTracker.Web.Infrastructure.Forms;
using ScrutinyTracker.Web.Infrastructure.Pdf;
using ScrutinyTracker.Web.Infrastructure.Security;
using ScrutinyTracker.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScrutinyDatabase(builder.Configuration, builder.Environment);
builder.Services.AddScrutinyIdentity(builder.Configuration, builder.Environment);
builder.Services.AddScrutinySessions();
builder.Services.AddScrutinyMvc();
builder.Services.AddScrutinyFormLimits();
builder.Services.AddScrutinyForwardedHeaders();
builder.Services.AddScrutinyCouncil();
builder.Services.AddScrutinyReports();
builder.Services.AddScrutinyUpdates();
builder.Services.AddScrutinyPdf();
builder.Services.AddScrutinyCommitteePacks();
builder.Services.AddScrutinyExports();
builder.Services.AddScrutinySpreadsheetImports();
builder.Services.AddScrutinyPlanning();
builder.Services.AddScrutinyExecutiveResponses();
builder.Services.AddScrutinyCommitteeDecisions();
builder.Services.AddScrutinyClosingMonitoring();
builder.Services.AddScrutinyImports();
builder.Services.AddScrutinyPublicPages();
builder.Services.AddScrutinySearch(builder.Configuration);

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

await app.Services.InitializeDatabaseAsync();
app.UseScrutinyPipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
