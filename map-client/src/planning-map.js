console.log('planning-map placeholder');
