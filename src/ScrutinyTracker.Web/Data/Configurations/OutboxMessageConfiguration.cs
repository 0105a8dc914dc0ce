using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ScrutinyTracker.Web.Infrastructure.Email;

namespace ScrutinyTracker.Web.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.MessageId).HasMaxLength(OutboxMessage.MessageIdMaxLength);
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.Kind).HasMaxLength(OutboxMessage.KindMaxLength);
        builder.Property(m => m.To).HasMaxLength(OutboxMessage.AddressesMaxLength);
        builder.Property(m => m.Cc).HasMaxLength(OutboxMessage.AddressesMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);

        // The sender's query: waiting messages whose time has come.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        builder.HasIndex(m => m.CreatedAtUtc);
    }
}
