using Microsoft.EntityFrameworkCore;
using ScrutinyTracker.Tests.Infrastructure;
using ScrutinyTracker.Web.Domain;
using Shouldly;

namespace ScrutinyTracker.Tests.Data;

/// <summary>The database itself refuses what the app must never store.</summary>
public sealed class ConstraintTests(ScrutinyAppFactory app) : IClassFixture<ScrutinyAppFactory>
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task A_grade_outside_1_to_4_is_refused(int grade)
    {
        var error = await Should.ThrowAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var update = await db.ProgressUpdates.FirstAsync(u => u.Status == UpdateStatus.Draft);
            update.Grade = (Grade)grade;
            await db.SaveChangesAsync();
        }));

        error.InnerException!.Message.ShouldContain("CK_ProgressUpdates_Grade");
    }

    [Fact]
    public async Task Grades_1_to_4_are_stored()
    {
        await app.WithDbAsync(async db =>
        {
            var update = await db.ProgressUpdates.FirstAsync(u => u.Status == UpdateStatus.Draft);
            foreach (var grade in GradeText.All)
            {
                update.Grade = grade;
                await db.SaveChangesAsync();
            }

            update.Grade = null;
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task A_second_update_for_the_same_action_and_round_is_refused()
    {
        var error = await Should.ThrowAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var existing = await db.ProgressUpdates.AsNoTracking().FirstAsync();
            db.ProgressUpdates.Add(new ProgressUpdate { PlanActionId = existing.PlanActionId, RoundId = existing.RoundId });
            await db.SaveChangesAsync();
        }));

        error.InnerException!.Message.ShouldContain("UNIQUE");
    }

    [Fact]
    public async Task A_second_recommendation_with_the_same_number_in_a_review_is_refused()
    {
        await Should.ThrowAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var existing = await db.Recommendations.AsNoTracking().FirstAsync();
            db.Recommendations.Add(new Recommendation { ReviewId = existing.ReviewId, Number = existing.Number, Text = "Duplicate", Position = 99 });
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task A_second_part_with_the_same_letter_is_refused()
    {
        await Should.ThrowAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var existing = await db.RecommendationParts.AsNoTracking().FirstAsync();
            db.RecommendationParts.Add(new RecommendationPart { RecommendationId = existing.RecommendationId, Letter = existing.Letter, Text = "Duplicate", Position = 99 });
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task A_second_open_round_for_a_review_is_refused()
    {
        await Should.ThrowAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var open = await db.Rounds.AsNoTracking().FirstAsync(r => r.Status == RoundStatus.Open);
            db.Rounds.Add(new Round { ReviewId = open.ReviewId, Label = "Another", Status = RoundStatus.Open, DueDate = open.DueDate });
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Evidence_longer_than_10000_characters_is_refused_by_the_database()
    {
        var error = await Should.ThrowAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var update = await db.ProgressUpdates.FirstAsync(u => u.Status == UpdateStatus.Draft);
            update.Evidence = new string('x', 10_001);
            await db.SaveChangesAsync();
        }));

        error.InnerException!.Message.ShouldContain("CK_ProgressUpdates_EvidenceLength");
    }

    [Fact]
    public async Task Evidence_of_exactly_10000_characters_is_stored()
    {
        await app.WithDbAsync(async db =>
        {
            var update = await db.ProgressUpdates.FirstAsync(u => u.Status == UpdateStatus.Draft);
            update.Evidence = new string('x', 10_000);
            await db.SaveChangesAsync();
            update.Evidence = "";
            await db.SaveChangesAsync();
        });
    }
}
