module.exports = {
  async up(db) {
    await db.collection('customers').updateMany({}, { $rename: { fname: 'firstName', lname: 'lastName' } });
  },

  async down(db) {
    await db.collection('customers').updateMany({}, { $rename: { firstName: 'fname', lastName: 'lname' } });
  },
};
