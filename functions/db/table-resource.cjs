// CloudFormation resource for the table, built from the same table.json the local scripts create
// the table from, so the deployed and local key designs cannot drift apart.
const definition = require('./table.json');

module.exports = async ({ resolveVariable }) => ({
  Type: 'AWS::DynamoDB::Table',
  DeletionPolicy: 'Retain',
  UpdateReplacePolicy: 'Retain',
  Properties: {
    TableName: await resolveVariable('self:custom.tableName'),
    ...definition,
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    SSESpecification: { SSEEnabled: true },
    TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
  },
});
