using Ledger.Api.Data;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

var builder = WebApplication.CreateBuilder(args);

builder.Services.Configure<LedgerDatabaseSettings>(builder.Configuration.GetSection("LedgerDatabase"));
builder.Services.AddSingleton<IMongoClient>(sp =>
{
    var settings = sp.GetRequiredService<IOptions<LedgerDatabaseSettings>>().Value;
    var clientSettings = MongoClientSettings.FromConnectionString(settings.ConnectionString);
    clientSettings.ApplicationName = "ledger-api";
    return new MongoClient(clientSettings);
});
builder.Services.AddSingleton<EntriesService>();
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen();

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    app.UseSwagger();
    app.UseSwaggerUI();
}

app.MapGet("/accounts/{id}/entries", async (string id, EntriesService entries) =>
    Results.Ok(await entries.ForAccountAsync(id)));

app.MapPost("/entries", async (Entry entry, EntriesService entries) =>
{
    await entries.AddAsync(entry);
    return Results.Created($"/entries/{entry.Id}", entry);
});

app.Run();
